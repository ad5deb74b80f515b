import { defineEntry, t } from './build.ts';

/** SC-01: one candidate, a majority of votes, the first heartbeats. */
export const normalElection = defineEntry({
  id: 'normal-election',
  title: t('A normal election', 'Una elección normal', 'Uma eleição normal'),
  summary: t(
    'One candidate asks for votes, a majority grants them, and the new leader’s heartbeats settle the cluster.',
    'Un candidato pide votos, una mayoría se los concede y los latidos del nuevo líder estabilizan el clúster.',
    'Um candidato pede votos, uma maioria os concede e os heartbeats do novo líder estabilizam o cluster.',
  ),
  cites: ['SC-01', 'F2-RV2', 'F2-RV3', 'F2-L1'],
  seed: 37,
  config: { noopOnElection: false },
  steps: [
    {
      until: { event: 'election', server: 3, term: 1 },
      caption: t(
        'S3’s election timer runs out first. It becomes **candidate**: term 1, a vote for itself, and RequestVote(term 1, lastLogIndex 0, lastLogTerm 0) to the four others (SC-01).',
        'El temporizador de elección de S3 se agota primero. Se vuelve **candidato**: mandato 1, se vota a sí mismo y envía RequestVote(mandato 1, lastLogIndex 0, lastLogTerm 0) a los otros cuatro (SC-01).',
        'O temporizador de eleição de S3 se esgota primeiro. Ele vira **candidato**: mandato 1, vota em si mesmo e envia RequestVote(mandato 1, lastLogIndex 0, lastLogTerm 0) aos outros quatro (SC-01).',
      ),
    },
    {
      until: { event: 'vote', server: 1, term: 1 },
      caption: t(
        'S1 sees a higher term and adopts it (F2-A2). It has not voted in term 1, and S3’s log is at least as up-to-date as its own (both empty), so it **grants** its vote, records `votedFor = S3` and restarts its timer (F2-RV2, F2-RV3).',
        'S1 ve un mandato mayor y lo adopta (F2-A2). No ha votado en el mandato 1 y el registro de S3 está al menos tan actualizado como el suyo (ambos vacíos), así que le **concede** su voto, anota `votedFor = S3` y reinicia su temporizador (F2-RV2, F2-RV3).',
        'S1 vê um mandato maior e o adota (F2-A2). Não votou no mandato 1 e o log de S3 está pelo menos tão atualizado quanto o seu (ambos vazios), então **concede** o voto, registra `votedFor = S3` e reinicia seu temporizador (F2-RV2, F2-RV3).',
      ),
    },
    {
      until: { event: 'leader', server: 3, term: 1 },
      caption: t(
        'As soon as the grants make a majority (3 of 5, its own vote included), S3 is **leader** of term 1. At once it sends empty AppendEntries — heartbeats — to every server (F2-L1).',
        'En cuanto los votos forman mayoría (3 de 5, contando el suyo), S3 es **líder** del mandato 1. De inmediato envía AppendEntries vacíos —latidos— a todos los servidores (F2-L1).',
        'Assim que os votos formam maioria (3 de 5, contando o seu), S3 é **líder** do mandato 1. Na hora envia AppendEntries vazios — heartbeats — a todos os servidores (F2-L1).',
      ),
    },
    {
      until: { afterMs: 25 },
      caption: t(
        'The heartbeats arrive: each follower learns that S3 leads term 1 and restarts its timer. A vote that arrives after the election changes nothing; every follower voted once in term 1, for S3 (F2-RV5).',
        'Llegan los latidos: cada seguidor sabe ahora que S3 lidera el mandato 1 y reinicia su temporizador. Un voto que llega tras la elección no cambia nada; cada seguidor votó una sola vez en el mandato 1, por S3 (F2-RV5).',
        'Os heartbeats chegam: cada seguidor sabe agora que S3 lidera o mandato 1 e reinicia seu temporizador. Um voto que chega depois da eleição não muda nada; cada seguidor votou uma única vez no mandato 1, em S3 (F2-RV5).',
      ),
    },
    {
      until: { afterMs: 500 },
      caption: t(
        'Every 50 ms S3 repeats its heartbeats and the followers answer. No timer runs out, so there is no new election: term 1 keeps its leader (SC-01).',
        'Cada 50 ms S3 repite sus latidos y los seguidores responden. Ningún temporizador se agota, así que no hay otra elección: el mandato 1 conserva su líder (SC-01).',
        'A cada 50 ms S3 repete os heartbeats e os seguidores respondem. Nenhum temporizador se esgota, então não há nova eleição: o mandato 1 mantém seu líder (SC-01).',
      ),
    },
  ],
});
