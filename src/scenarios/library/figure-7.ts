import type { InitialServerState } from '../../core/index.ts';
import { defineEntry, t } from './build.ts';

/** Figure 7 of the paper (SC-15): entry terms for indexes 1..12, the leader first, then (a)..(f). */
export const FIGURE7_TERMS: readonly (readonly number[])[] = [
  [1, 1, 1, 4, 4, 5, 5, 6, 6, 6],
  [1, 1, 1, 4, 4, 5, 5, 6, 6],
  [1, 1, 1, 4],
  [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  [1, 1, 1, 4, 4, 4, 4],
  [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
];

function initial(): InitialServerState[] {
  return FIGURE7_TERMS.map((terms) => ({
    term: 8,
    votedFor: null,
    log: terms.map((term, i): [number, string] => [term, `set k${i + 1} ${term}`]),
  }));
}

export const figure7 = defineEntry({
  id: 'figure-7',
  title: t('Figure 7: repairing logs', 'Figura 7: reparar registros', 'Figura 7: reparando logs'),
  summary: t(
    'The paper’s Figure 7 loaded as drawn: the leader takes office and brings every follower’s log in line — missing entries added, conflicting ones deleted.',
    'La Figura 7 del artículo, cargada tal como se dibuja: el líder asume y alinea el registro de cada seguidor, añadiendo lo que falta y borrando lo que entra en conflicto.',
    'A Figura 7 do artigo, carregada como desenhada: o líder assume e alinha o log de cada seguidor, acrescentando o que falta e apagando o que conflita.',
  ),
  cites: ['SC-15', 'F2-S7', 'F2-L4', 'F2-AE3', 'F2-AE4', 'F2-RV2', 'F2-L5'],
  seed: 47,
  config: { servers: 7 },
  initial: initial(),
  steps: [
    {
      until: { atMs: 100 },
      caption: t(
        'Figure 7 as drawn, all in term 8: S1 holds the leader’s log, S2–S7 the logs of followers (a)–(f). After crashes a follower may miss entries, hold extra ones, or both.',
        'La Figura 7 tal como se dibuja, todos en el mandato 8: S1 tiene el registro del líder y S2–S7 los de los seguidores (a)–(f). Tras varias caídas, a un seguidor pueden faltarle entradas, sobrarle, o ambas cosas.',
        'A Figura 7 como desenhada, todos no mandato 8: S1 tem o log do líder e S2–S7 os dos seguidores (a)–(f). Depois de quedas, um seguidor pode ter entradas faltando, sobrando, ou as duas coisas.',
      ),
    },
    {
      until: { event: 'leader', server: 1, term: 9 },
      caption: t(
        'S1 times out first and wins term 9 with the votes of (a), (b), (e) and (f); (c) and (d) refuse, their logs are more up-to-date (F2-RV2). S1 sets every nextIndex to 11 and appends its no-op there (F2-S7, F2-L7).',
        'S1 agota primero su temporizador y gana el mandato 9 con los votos de (a), (b), (e) y (f); (c) y (d) se niegan, sus registros están más actualizados (F2-RV2). S1 pone cada nextIndex en 11 y añade ahí su no-op (F2-S7, F2-L7).',
        'S1 esgota primeiro o temporizador e vence o mandato 9 com os votos de (a), (b), (e) e (f); (c) e (d) recusam, seus logs estão mais atualizados (F2-RV2). S1 põe cada nextIndex em 11 e acrescenta ali seu no-op (F2-S7, F2-L7).',
      ),
    },
    {
      until: { event: 'truncate', server: 4 },
      caption: t(
        '(c) matches S1 up to index 10, but at index 11 it holds an entry of term 6 where S1 sends its no-op of term 9: a conflict, so (c) deletes its entry and takes S1’s (F2-AE4).',
        '(c) coincide con S1 hasta el índice 10, pero en el 11 tiene una entrada del mandato 6 donde S1 envía su no-op del mandato 9: hay conflicto, así que (c) borra su entrada y toma la de S1 (F2-AE4).',
        '(c) coincide com S1 até o índice 10, mas no 11 tem uma entrada do mandato 6 onde S1 envia seu no-op do mandato 9: há conflito, então (c) apaga sua entrada e fica com a de S1 (F2-AE4).',
      ),
    },
    {
      until: { event: 'truncate', server: 5 },
      caption: t(
        '(d) deletes its two entries of term 7 (indexes 11–12) the same way. They were never committed: (d) itself led term 7 and crashed before replicating them.',
        '(d) borra del mismo modo sus dos entradas del mandato 7 (índices 11–12). Nunca se confirmaron: el propio (d) lideró el mandato 7 y se cayó antes de replicarlas.',
        '(d) apaga do mesmo jeito suas duas entradas do mandato 7 (índices 11–12). Nunca foram confirmadas: o próprio (d) liderou o mandato 7 e caiu antes de replicá-las.',
      ),
    },
    {
      until: { event: 'replicate', server: 2 },
      caption: t(
        '(a) has no index 10, so it refused the first AppendEntries (F2-AE3). S1 decremented nextIndex for (a) to 10 and retried: (a) now appends indexes 10–11 (F2-L4).',
        '(a) no tiene índice 10, así que rechazó el primer AppendEntries (F2-AE3). S1 decrementó el nextIndex de (a) a 10 y reintentó: (a) añade ahora los índices 10–11 (F2-L4).',
        '(a) não tem índice 10, então recusou o primeiro AppendEntries (F2-AE3). S1 decrementou o nextIndex de (a) para 10 e tentou de novo: (a) acrescenta agora os índices 10–11 (F2-L4).',
      ),
    },
    {
      until: { event: 'commit', server: 1, index: 11 },
      caption: t(
        'The no-op of term 9 is on S1, (a), (c) and (d): 4 of 7. S1 commits index 11, and with it every entry before it (F2-L5).',
        'El no-op del mandato 9 está en S1, (a), (c) y (d): 4 de 7. S1 confirma el índice 11 y, con él, todas las entradas anteriores (F2-L5).',
        'O no-op do mandato 9 está em S1, (a), (c) e (d): 4 de 7. S1 confirma o índice 11 e, com ele, todas as entradas anteriores (F2-L5).',
      ),
    },
    {
      until: { event: 'truncate', server: 6 },
      caption: t(
        '(e) refused five times while nextIndex walked back from 11 to 6. There its entries of term 4 conflict with S1’s of term 5: (e) deletes indexes 6–7 and takes S1’s entries.',
        '(e) rechazó cinco veces mientras nextIndex retrocedía de 11 a 6. Ahí sus entradas del mandato 4 chocan con las del mandato 5 de S1: (e) borra los índices 6–7 y toma las entradas de S1.',
        '(e) recusou cinco vezes enquanto o nextIndex recuava de 11 para 6. Ali suas entradas do mandato 4 conflitam com as do mandato 5 de S1: (e) apaga os índices 6–7 e fica com as entradas de S1.',
      ),
    },
    {
      until: { event: 'replicate', server: 3 },
      caption: t(
        '(b) only lacked entries: after six refusals nextIndex reaches 5, and (b) appends indexes 5–11 without deleting anything.',
        '(b) solo tenía entradas de menos: tras seis rechazos nextIndex llega a 5 y (b) añade los índices 5–11 sin borrar nada.',
        '(b) só tinha entradas faltando: após seis recusas o nextIndex chega a 5 e (b) acrescenta os índices 5–11 sem apagar nada.',
      ),
    },
    {
      until: { event: 'truncate', server: 7 },
      caption: t(
        '(f) needed the most: seven refusals, nextIndex down to 4. It deletes eight entries of terms 2 and 3 (indexes 4–11), never committed, and takes S1’s.',
        '(f) necesitó más que nadie: siete rechazos, nextIndex hasta 4. Borra ocho entradas de los mandatos 2 y 3 (índices 4–11), nunca confirmadas, y toma las de S1.',
        '(f) precisou mais que todos: sete recusas, nextIndex até 4. Apaga oito entradas dos mandatos 2 e 3 (índices 4–11), nunca confirmadas, e fica com as de S1.',
      ),
    },
    {
      until: { afterMs: 200 },
      caption: t(
        'Every log now equals the leader’s, and every server applies the same 11 entries. The leader never changed its own log; only the followers were repaired (F2-L6, SC-15).',
        'Todos los registros son ahora iguales al del líder, y todos los servidores aplican las mismas 11 entradas. El líder nunca cambió su propio registro; solo se repararon los seguidores (F2-L6, SC-15).',
        'Todos os logs agora são iguais ao do líder, e todos os servidores aplicam as mesmas 11 entradas. O líder nunca mudou o próprio log; só os seguidores foram reparados (F2-L6, SC-15).',
      ),
    },
  ],
});
