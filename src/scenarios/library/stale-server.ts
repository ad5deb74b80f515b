import { defineEntry, t } from './build.ts';

/** F2-RV2 (§5.4.1): a server that missed committed entries gets no vote; an up-to-date one wins. */
export const staleServer = defineEntry({
  id: 'stale-server',
  title: t(
    'A stale server cannot win',
    'Un servidor desactualizado no puede ganar',
    'Um servidor desatualizado não pode vencer',
  ),
  summary: t(
    'A server that missed committed entries times out first after a restart, but nobody votes for it; an up-to-date server wins and repairs it.',
    'Un servidor que se perdió entradas confirmadas es el primero en agotar su temporizador al reiniciar, pero nadie vota por él; gana un servidor al día, que lo repara.',
    'Um servidor que perdeu entradas confirmadas é o primeiro a esgotar o temporizador ao reiniciar, mas ninguém vota nele; vence um servidor em dia, que o repara.',
  ),
  cites: ['F2-RV2', 'SC-04', 'F2-RV4', 'INV-LC'],
  seed: 180,
  steps: [
    {
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        'S1 leads term 1 and has committed its no-op entry: every server holds one entry.',
        'S1 lidera el mandato 1 y ya confirmó su entrada no-op: todos los servidores tienen una entrada.',
        'S1 lidera o mandato 1 e já confirmou sua entrada no-op: todos os servidores têm uma entrada.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 2 },
        { do: 'request', server: 1, command: 'set x 1' },
        { do: 'request', server: 1, command: 'set y 2' },
      ],
      until: { event: 'commit', server: 1, index: 3 },
      caption: t(
        'S2 crashes. A client writes `x`, then `y`; S1 commits both with S3, S4 and S5. S2 misses them: its log stops at index 1.',
        'S2 se cae. Un cliente escribe `x` y luego `y`; S1 confirma ambas con S3, S4 y S5. S2 se las pierde: su registro se queda en el índice 1.',
        'S2 cai. Um cliente escreve `x` e depois `y`; S1 confirma ambas com S3, S4 e S5. S2 as perde: seu log para no índice 1.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 1 },
        { do: 'nextTimeout', server: 2, ms: 150 },
        { do: 'restart', server: 2 },
      ],
      until: { event: 'election', server: 2, term: 2 },
      caption: t(
        'S1 crashes and S2 comes back. S2’s timer runs out first: it stands for term 2 with lastLogIndex 1, lastLogTerm 1.',
        'S1 se cae y S2 vuelve. El temporizador de S2 se agota primero: se presenta al mandato 2 con lastLogIndex 1 y lastLogTerm 1.',
        'S1 cai e S2 volta. O temporizador de S2 se esgota primeiro: ele se candidata ao mandato 2 com lastLogIndex 1 e lastLogTerm 1.',
      ),
    },
    {
      until: { afterMs: 40 },
      caption: t(
        'Nobody votes for S2. S3, S4 and S5 adopt term 2 but refuse: their last entries are also from term 1 and their logs are longer (index 3), so S2’s log is less up-to-date (F2-RV2, §5.4.1). A refusal does not restart their timers (F2-RV4).',
        'Nadie vota por S2. S3, S4 y S5 adoptan el mandato 2 pero se niegan: su última entrada también es del mandato 1 y sus registros son más largos (índice 3), así que el de S2 está menos actualizado (F2-RV2, §5.4.1). Negar un voto no reinicia su temporizador (F2-RV4).',
        'Ninguém vota em S2. S3, S4 e S5 adotam o mandato 2 mas recusam: a última entrada deles também é do mandato 1 e seus logs são mais longos (índice 3), então o log de S2 está menos atualizado (F2-RV2, §5.4.1). Recusar um voto não reinicia o temporizador (F2-RV4).',
      ),
    },
    {
      until: { event: 'leader', server: 3, term: 3 },
      caption: t(
        'S3, which is up to date, times out next and stands for term 3. S4, S5 and even S2 vote for it: S3 leads, and every committed entry is in its log (INV-LC).',
        'S3, que está al día, es el siguiente en agotar su temporizador y se presenta al mandato 3. S4, S5 e incluso S2 votan por él: S3 lidera, y todas las entradas confirmadas están en su registro (INV-LC).',
        'S3, que está em dia, é o próximo a esgotar o temporizador e se candidata ao mandato 3. S4, S5 e até S2 votam nele: S3 lidera, e todas as entradas confirmadas estão em seu log (INV-LC).',
      ),
    },
    {
      until: { event: 'apply', server: 2, index: 3 },
      caption: t(
        'S3 repairs S2: after a few refused AppendEntries (nextIndex back-off, F2-L4) S2 receives `x`, `y` and S3’s no-op, and applies the writes committed while it was down.',
        'S3 repara a S2: tras algunos AppendEntries rechazados (retroceso de nextIndex, F2-L4), S2 recibe `x`, `y` y el no-op de S3, y aplica las escrituras confirmadas mientras estaba caído.',
        'S3 repara S2: após alguns AppendEntries recusados (recuo do nextIndex, F2-L4), S2 recebe `x`, `y` e o no-op de S3, e aplica as escritas confirmadas enquanto estava fora.',
      ),
    },
  ],
});
