import { defineEntry, t } from './build.ts';

/** SC-21, F2-L4: a new leader walks nextIndex back until a returning follower's log matches. */
export const followerRepair = defineEntry({
  id: 'follower-repair',
  title: t('Repairing a follower', 'Reparar a un seguidor', 'Reparando um seguidor'),
  summary: t(
    'A follower that was down misses committed entries; when it returns, the leader walks nextIndex back one entry at a time until their logs match, then sends what is missing.',
    'Un seguidor caído se pierde entradas confirmadas; al volver, el líder retrocede nextIndex de una en una hasta que los registros coinciden y entonces le envía lo que falta.',
    'Um seguidor fora do ar perde entradas confirmadas; quando volta, o líder recua o nextIndex uma entrada por vez até os logs coincidirem e então envia o que falta.',
  ),
  cites: ['SC-21', 'F2-L4', 'F2-AE3', 'F2-S7', 'F2-AE6'],
  seed: 45,
  steps: [
    {
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        'S1 leads term 1; its no-op is committed and on every server.',
        'S1 lidera el mandato 1; su no-op está confirmado y en todos los servidores.',
        'S1 lidera o mandato 1; seu no-op está confirmado e em todos os servidores.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 4 },
        { do: 'request', server: 1, command: 'set a 1' },
        { do: 'request', server: 1, command: 'set b 2' },
        { do: 'request', server: 1, command: 'set c 3' },
      ],
      until: { event: 'commit', server: 1, index: 4 },
      caption: t(
        'S4 crashes. A client writes `a`, `b` and `c`; S1 commits them with S2, S3 and S5. S4’s log still ends at index 1.',
        'S4 se cae. Un cliente escribe `a`, `b` y `c`; S1 las confirma con S2, S3 y S5. El registro de S4 sigue terminando en el índice 1.',
        'S4 cai. Um cliente escreve `a`, `b` e `c`; S1 as confirma com S2, S3 e S5. O log de S4 continua terminando no índice 1.',
      ),
    },
    {
      do: [{ do: 'crash', server: 1 }],
      until: { event: 'leader', server: 2, term: 2 },
      caption: t(
        'S1 crashes too, and S2 wins term 2 with S3 and S5. A new leader knows nothing about its followers’ logs: it sets every nextIndex to 5, just past its own log, and appends its no-op there (F2-S7).',
        'S1 también se cae y S2 gana el mandato 2 con S3 y S5. Un líder nuevo no sabe nada de los registros de sus seguidores: pone cada nextIndex en 5, justo después de su registro, y añade ahí su no-op (F2-S7).',
        'S1 também cai e S2 vence o mandato 2 com S3 e S5. Um líder novo não sabe nada dos logs dos seguidores: põe cada nextIndex em 5, logo depois do seu log, e acrescenta ali seu no-op (F2-S7).',
      ),
    },
    {
      do: [{ do: 'restart', server: 4 }],
      until: { afterMs: 20 },
      caption: t(
        'S4 restarts. S2’s AppendEntries says “the entry before the new one is index 4, term 1”. S4 has no index 4, so it answers **false** (F2-AE3).',
        'S4 se reinicia. El AppendEntries de S2 dice “la entrada anterior a la nueva es el índice 4, mandato 1”. S4 no tiene índice 4, así que responde **false** (F2-AE3).',
        'S4 reinicia. O AppendEntries de S2 diz “a entrada anterior à nova é o índice 4, mandato 1”. S4 não tem índice 4, então responde **false** (F2-AE3).',
      ),
    },
    {
      until: { afterMs: 60 },
      caption: t(
        'After each refusal S2 decrements nextIndex[S4] and tries again: prevLogIndex 3, then 2 — both refused. Each step back costs one round trip (F2-L4).',
        'Tras cada rechazo S2 decrementa nextIndex[S4] y lo intenta de nuevo: prevLogIndex 3 y luego 2, ambos rechazados. Cada paso atrás cuesta un viaje de ida y vuelta (F2-L4).',
        'Após cada recusa S2 decrementa nextIndex[S4] e tenta de novo: prevLogIndex 3 e depois 2, ambos recusados. Cada passo atrás custa uma ida e volta (F2-L4).',
      ),
    },
    {
      until: { event: 'replicate', server: 4 },
      caption: t(
        'With prevLogIndex 1, term 1 the logs match. S4 appends indexes 2–5, and leaderCommit 5 tells it they are committed, so it applies `a`, `b` and `c` (F2-AE5, F2-AE6).',
        'Con prevLogIndex 1, mandato 1, los registros coinciden. S4 añade los índices 2 a 5, y leaderCommit 5 le dice que están confirmados, así que aplica `a`, `b` y `c` (F2-AE5, F2-AE6).',
        'Com prevLogIndex 1, mandato 1, os logs coincidem. S4 acrescenta os índices 2 a 5, e leaderCommit 5 diz que estão confirmados, então aplica `a`, `b` e `c` (F2-AE5, F2-AE6).',
      ),
    },
    {
      until: { afterMs: 100 },
      caption: t(
        'S4 is repaired: its log equals S2’s and nextIndex[S4] is 6. Real systems often step back a whole term at a time, but one entry at a time is all Figure 2 needs (SC-21).',
        'S4 está reparado: su registro es igual al de S2 y nextIndex[S4] vale 6. Los sistemas reales suelen retroceder un mandato entero de una vez, pero a la Figura 2 le basta con una entrada cada vez (SC-21).',
        'S4 está reparado: seu log é igual ao de S2 e nextIndex[S4] vale 6. Sistemas reais costumam recuar um mandato inteiro de uma vez, mas à Figura 2 basta uma entrada por vez (SC-21).',
      ),
    },
  ],
});
