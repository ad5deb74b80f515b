import { defineEntry, t } from './build.ts';

/** BUG-VOTEVOLATILE: a vote that is not persisted is forgotten in a crash; two leaders in a term. */
export const voteAmnesia = defineEntry({
  id: 'vote-amnesia',
  title: t(
    'Vote amnesia (BUG-VOTEVOLATILE)',
    'Amnesia del voto (BUG-VOTEVOLATILE)',
    'Amnésia do voto (BUG-VOTEVOLATILE)',
  ),
  summary: t(
    'A server that keeps its vote only in memory forgets it in a crash, votes again in the same term, and two leaders are elected for one term.',
    'Un servidor que guarda su voto solo en memoria lo olvida al caerse, vuelve a votar en el mismo mandato y se eligen dos líderes para un mismo mandato.',
    'Um servidor que guarda o voto só na memória o esquece ao cair, vota de novo no mesmo mandato e dois líderes são eleitos para um só mandato.',
  ),
  cites: ['BUG-VOTEVOLATILE', 'F2-S2', 'F2-S4', 'INV-X7', 'INV-X8', 'INV-ES'],
  expectViolation: 'INV-ES',
  seed: 13,
  config: { servers: 3, noopOnElection: false, bugs: ['BUG-VOTEVOLATILE'] },
  steps: [
    {
      do: [{ do: 'cut', link: [1, 3] }],
      until: { event: 'leader', server: 1, term: 1 },
      caption: t(
        'With **BUG-VOTEVOLATILE** on, servers keep `votedFor` only in memory. The link S1–S3 is cut. S1 times out and wins term 1 with S2’s vote; S3 hears nothing.',
        'Con **BUG-VOTEVOLATILE** activado, los servidores guardan `votedFor` solo en memoria. El enlace S1–S3 está cortado. S1 agota su temporizador y gana el mandato 1 con el voto de S2; S3 no se entera.',
        'Com **BUG-VOTEVOLATILE** ligado, os servidores guardam `votedFor` só na memória. A ligação S1–S3 está cortada. S1 esgota o temporizador e vence o mandato 1 com o voto de S2; S3 não fica sabendo.',
      ),
    },
    {
      do: [{ do: 'crash', server: 2 }],
      until: { event: 'violation' },
      caption: t(
        'S2 crashes. Its term survives on disk, but its vote for S1 was never persisted (F2-S2, F2-S4). The checker flags it at once: **INV-X7**, a vote changed within a term.',
        'S2 se cae. Su mandato sobrevive en disco, pero su voto por S1 nunca se guardó (F2-S2, F2-S4). El verificador lo señala enseguida: **INV-X7**, un voto cambió dentro de un mandato.',
        'S2 cai. Seu mandato sobrevive em disco, mas seu voto em S1 nunca foi persistido (F2-S2, F2-S4). O verificador aponta na hora: **INV-X7**, um voto mudou dentro de um mandato.',
      ),
    },
    {
      do: [{ do: 'restart', server: 2 }],
      until: { event: 'vote', server: 2, term: 1 },
      caption: t(
        'S2 restarts in term 1 with no vote recorded. S3’s timer runs out: it stands for term 1 and asks S2, which grants — a second vote in the same term (**INV-X8**).',
        'S2 se reinicia en el mandato 1 sin voto anotado. El temporizador de S3 se agota: se presenta al mandato 1 y pide el voto a S2, que se lo da: un segundo voto en el mismo mandato (**INV-X8**).',
        'S2 reinicia no mandato 1 sem voto registrado. O temporizador de S3 se esgota: ele se candidata ao mandato 1 e pede o voto a S2, que concede: um segundo voto no mesmo mandato (**INV-X8**).',
      ),
    },
    {
      until: { event: 'leader', server: 3, term: 1 },
      caption: t(
        'S3 has 2 of 3 votes: it is leader of term 1 too. Two leaders in one term break Election Safety (**INV-ES**); that is why `votedFor` must reach stable storage before a vote is granted.',
        'S3 tiene 2 de 3 votos: también es líder del mandato 1. Dos líderes en un mismo mandato rompen la seguridad de elección (**INV-ES**); por eso `votedFor` debe llegar a almacenamiento estable antes de conceder un voto.',
        'S3 tem 2 de 3 votos: também é líder do mandato 1. Dois líderes no mesmo mandato violam a segurança de eleição (**INV-ES**); por isso `votedFor` precisa chegar ao armazenamento estável antes de conceder um voto.',
      ),
    },
  ],
});
