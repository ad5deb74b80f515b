import { defineEntry, t } from './build.ts';

/** SC-02 and SC-06: two servers down, a split vote, and a random timeout that settles it. */
export const noMajority = defineEntry({
  id: 'no-majority',
  title: t('No majority: a split vote', 'Sin mayoría: voto dividido', 'Sem maioria: voto dividido'),
  summary: t(
    'With two of five servers down, two candidates split the votes and term 1 ends without a leader; a new random timeout settles it in term 2.',
    'Con dos de cinco servidores caídos, dos candidatos se reparten los votos y el mandato 1 termina sin líder; un nuevo tiempo aleatorio lo resuelve en el mandato 2.',
    'Com dois de cinco servidores fora, dois candidatos dividem os votos e o mandato 1 termina sem líder; um novo tempo aleatório resolve no mandato 2.',
  ),
  cites: ['SC-02', 'SC-06', 'F2-T1', 'F2-RV5'],
  seed: 43,
  config: { noopOnElection: false },
  steps: [
    {
      do: [
        { do: 'crash', server: 4 },
        { do: 'crash', server: 5 },
      ],
      until: { atMs: 100 },
      caption: t(
        'S4 and S5 are down. A leader needs the votes of 3 of the 5 servers — with only three up, that means all of them (SC-02).',
        'S4 y S5 están caídos. Un líder necesita los votos de 3 de los 5 servidores; con solo tres activos, los de todos (SC-02).',
        'S4 e S5 estão fora do ar. Um líder precisa dos votos de 3 dos 5 servidores; com só três ativos, dos três (SC-02).',
      ),
    },
    {
      until: { event: 'election', server: 2, term: 1 },
      caption: t(
        'S2’s timer runs out first: it becomes candidate for term 1 and asks for votes.',
        'El temporizador de S2 se agota primero: se vuelve candidato del mandato 1 y pide votos.',
        'O temporizador de S2 se esgota primeiro: ele vira candidato do mandato 1 e pede votos.',
      ),
    },
    {
      until: { event: 'election', server: 1, term: 1 },
      caption: t(
        'Just 1 ms later S1’s timer runs out too, before S2’s request could reach it. Two candidates in term 1, each has voted for itself (SC-06).',
        'Solo 1 ms después se agota también el de S1, antes de que le llegue la petición de S2. Dos candidatos en el mandato 1, y cada uno votó por sí mismo (SC-06).',
        'Apenas 1 ms depois o de S1 também se esgota, antes que o pedido de S2 chegue. Dois candidatos no mandato 1, e cada um votou em si mesmo (SC-06).',
      ),
    },
    {
      until: { afterMs: 60 },
      caption: t(
        'S3 votes for S1, whose request arrived first, and refuses S2; the candidates refuse each other. S1 has 2 votes, S2 has 1: nobody has 3, so term 1 ends without a leader (a split vote).',
        'S3 vota por S1, cuya petición llegó primero, y rechaza a S2; los candidatos se rechazan entre sí. S1 tiene 2 votos y S2 tiene 1: nadie llega a 3, así que el mandato 1 se queda sin líder (voto dividido).',
        'S3 vota em S1, cujo pedido chegou primeiro, e recusa S2; os candidatos recusam um ao outro. S1 tem 2 votos e S2 tem 1: ninguém chega a 3, então o mandato 1 fica sem líder (voto dividido).',
      ),
    },
    {
      until: { event: 'election', server: 1, term: 2 },
      caption: t(
        'A candidate without a majority waits for its timer, drawn at random again when it stood (F2-T1). S1’s runs out first: it stands again, for term 2.',
        'Un candidato sin mayoría espera a su temporizador, sorteado de nuevo al presentarse (F2-T1). El de S1 se agota primero: se presenta otra vez, al mandato 2.',
        'Um candidato sem maioria espera seu temporizador, sorteado de novo ao se candidatar (F2-T1). O de S1 se esgota primeiro: ele se candidata de novo, ao mandato 2.',
      ),
    },
    {
      until: { event: 'leader', server: 1, term: 2 },
      caption: t(
        'S2 and S3 see the higher term 2 and vote for S1: 3 of 5, a majority. Random timeouts broke the tie (SC-06), but with two servers down one more failure would leave no majority at all (SC-02).',
        'S2 y S3 ven el mandato 2, mayor, y votan por S1: 3 de 5, mayoría. Los tiempos aleatorios deshicieron el empate (SC-06), pero con dos servidores caídos un fallo más dejaría sin mayoría posible (SC-02).',
        'S2 e S3 veem o mandato 2, maior, e votam em S1: 3 de 5, maioria. Os tempos aleatórios desfizeram o empate (SC-06), mas com dois servidores fora mais uma falha deixaria sem maioria possível (SC-02).',
      ),
    },
  ],
});
