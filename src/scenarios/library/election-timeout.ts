import { defineEntry, t } from './build.ts';

/** F2-F2, F2-T1: a follower that hears no leader before its random timer runs out stands. */
export const electionTimeout = defineEntry({
  id: 'election-timeout',
  title: t('Election timeout', 'Se agota el temporizador de elección', 'Timeout de eleição'),
  summary: t(
    'A follower that hears from no leader before its random timer runs out becomes a candidate; heartbeats keep the timers from running out.',
    'Un seguidor que no oye a ningún líder antes de que se agote su temporizador aleatorio se vuelve candidato; los latidos impiden que los temporizadores se agoten.',
    'Um seguidor que não ouve nenhum líder antes de seu temporizador aleatório se esgotar vira candidato; os heartbeats impedem que os temporizadores se esgotem.',
  ),
  cites: ['F2-F2', 'F2-T1', 'F2-L1'],
  seed: 47,
  config: { noopOnElection: false },
  steps: [
    {
      until: { atMs: 100 },
      caption: t(
        'Five servers start as followers in term 0, with no leader. Each drew a random election timeout between 150 and 300 ms (F2-T1); the arcs show the timers running down.',
        'Cinco servidores arrancan como seguidores en el mandato 0, sin líder. Cada uno sorteó un tiempo de elección aleatorio entre 150 y 300 ms (F2-T1); los arcos muestran cómo se agotan los temporizadores.',
        'Cinco servidores começam como seguidores no mandato 0, sem líder. Cada um sorteou um tempo de eleição aleatório entre 150 e 300 ms (F2-T1); os arcos mostram os temporizadores se esgotando.',
      ),
    },
    {
      until: { event: 'election', server: 1 },
      caption: t(
        'S1 drew the shortest timeout: at 156 ms it has heard from no leader, so it becomes **candidate**: term 1, a vote for itself, and RequestVote to everyone (F2-F2).',
        'S1 sorteó el tiempo más corto: a los 156 ms no ha oído a ningún líder, así que se vuelve **candidato**: mandato 1, se vota a sí mismo y envía RequestVote a todos (F2-F2).',
        'S1 sorteou o tempo mais curto: aos 156 ms não ouviu nenhum líder, então vira **candidato**: mandato 1, vota em si mesmo e envia RequestVote a todos (F2-F2).',
      ),
    },
    {
      until: { event: 'leader', server: 1, term: 1 },
      caption: t(
        'Every follower grants its vote, and granting restarts its own timer. With a majority, S1 becomes **leader** of term 1 and sends heartbeats at once (F2-L1).',
        'Todos los seguidores le dan su voto, y al votar reinician su propio temporizador. Con mayoría, S1 pasa a ser **líder** del mandato 1 y envía latidos de inmediato (F2-L1).',
        'Todos os seguidores concedem o voto, e votar reinicia o próprio temporizador. Com a maioria, S1 vira **líder** do mandato 1 e envia heartbeats na hora (F2-L1).',
      ),
    },
    {
      until: { afterMs: 350 },
      caption: t(
        'S1 sends a heartbeat every 50 ms. Each one resets the follower’s timer with a fresh random timeout, so while the leader lives no timer runs out (F2-F2).',
        'S1 envía un latido cada 50 ms. Cada uno reinicia el temporizador del seguidor con un nuevo tiempo aleatorio, así que mientras el líder vive ningún temporizador se agota (F2-F2).',
        'S1 envia um heartbeat a cada 50 ms. Cada um reinicia o temporizador do seguidor com um novo tempo aleatório, então enquanto o líder vive nenhum temporizador se esgota (F2-F2).',
      ),
    },
    {
      do: [{ do: 'crash', server: 1 }],
      until: { event: 'election', server: 4 },
      caption: t(
        'S1 crashes and the heartbeats stop. The timers keep running down; S4’s runs out first, so S4 becomes candidate for term 2 (F2-F2).',
        'S1 se cae y los latidos cesan. Los temporizadores siguen corriendo; el de S4 se agota primero, así que S4 se vuelve candidato del mandato 2 (F2-F2).',
        'S1 cai e os heartbeats param. Os temporizadores continuam correndo; o de S4 se esgota primeiro, então S4 vira candidato do mandato 2 (F2-F2).',
      ),
    },
    {
      until: { event: 'leader', server: 4, term: 2 },
      caption: t(
        'S2, S3 and S5 vote for S4, the leader of term 2. Because timeouts are random, one server usually times out well before the others, so votes rarely split (F2-T1).',
        'S2, S3 y S5 votan por S4, líder del mandato 2. Como los tiempos son aleatorios, casi siempre un servidor se adelanta bastante a los demás y los votos rara vez se dividen (F2-T1).',
        'S2, S3 e S5 votam em S4, líder do mandato 2. Como os tempos são aleatórios, quase sempre um servidor se adianta bem aos outros e os votos raramente se dividem (F2-T1).',
      ),
    },
  ],
});
