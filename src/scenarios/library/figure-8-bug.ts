import { defineEntry, t } from './build.ts';
import { FIGURE8_CONFIG, MOVES, SHARED_CAPTIONS as C, figure8Initial } from './figure-8-script.ts';

/**
 * BUG-FIG8 on Figure 8: committing an old-term entry by counting replicas. INV-X11 fires at the
 * illegal commit itself (SC-16 (c)); INV-LC follows when S5 wins term 5 without the entry.
 */
export const figure8Bug = defineEntry({
  id: 'figure-8-bug',
  title: t(
    'Figure 8 with a bug (BUG-FIG8)',
    'Figura 8 con un error (BUG-FIG8)',
    'Figura 8 com um erro (BUG-FIG8)',
  ),
  summary: t(
    'Figure 8 again, but leaders commit entries of earlier terms by counting replicas: an entry is committed, then a new leader lacks it, and the checker names the broken rule.',
    'De nuevo la Figura 8, pero los líderes confirman entradas de mandatos anteriores contando réplicas: una entrada se confirma, luego un nuevo líder no la tiene y el verificador nombra la regla rota.',
    'De novo a Figura 8, mas os líderes confirmam entradas de mandatos anteriores contando réplicas: uma entrada é confirmada, depois um novo líder não a tem e o verificador nomeia a regra violada.',
  ),
  cites: ['BUG-FIG8', 'SC-16', 'F2-L5', 'INV-X11', 'INV-LC', 'INV-SMS'],
  expectViolation: 'INV-X11',
  seed: 8,
  config: { ...FIGURE8_CONFIG, bugs: ['BUG-FIG8'] },
  initial: figure8Initial(),
  steps: [
    {
      ...MOVES.s1LeadsTerm2,
      caption: t(
        'Figure 8 with **BUG-FIG8** on: a leader commits an entry of any term once a majority stores it. Timers are frozen; each election is started by hand. (a) S1 wins term 2.',
        'La Figura 8 con **BUG-FIG8** activado: un líder confirma una entrada de cualquier mandato en cuanto una mayoría la guarda. Los temporizadores están congelados; cada elección se inicia a mano. (a) S1 gana el mandato 2.',
        'A Figura 8 com **BUG-FIG8** ligado: um líder confirma uma entrada de qualquer mandato assim que uma maioria a guarda. Os temporizadores estão congelados; cada eleição é iniciada à mão. (a) S1 vence o mandato 2.',
      ),
    },
    { ...MOVES.s1Appends2, caption: C.s1Appends2 },
    { ...MOVES.s5LeadsTerm3, caption: C.s5LeadsTerm3 },
    { ...MOVES.s5Appends3, caption: C.s5Appends3 },
    { ...MOVES.s1FailsTerm3, caption: C.s1FailsTerm3 },
    { ...MOVES.s1LeadsTerm4, caption: C.s1LeadsTerm4 },
    {
      ...MOVES.s1Repairs3,
      until: { event: 'commit', server: 1, index: 2 },
      caption: t(
        'S3 stores 2@2 and answers. With the bug S1 counts replicas: 2@2 is on 3 of 5 servers, so S1 **commits** it and applies `set y 2`, although it is from term 2, not S1’s term 4 (F2-L5 broken). The checker flags it at once: **INV-X11**. The crashed S5 keeps its log [1,3]: more up-to-date than every other log, so a majority would vote for it, yet without 2@2. S5 can still win and erase it.',
        'S3 guarda 2@2 y responde. Con el error, S1 cuenta réplicas: 2@2 está en 3 de 5 servidores, así que S1 la **confirma** y aplica `set y 2`, aunque es del mandato 2 y no del 4, el de S1 (se rompe F2-L5). El verificador lo señala enseguida: **INV-X11**. S5, caído, conserva su registro [1,3]: más actualizado que todos los demás, así que una mayoría votaría por él, pero sin 2@2. S5 aún puede ganar y borrarla.',
        'S3 guarda 2@2 e responde. Com o erro, S1 conta réplicas: 2@2 está em 3 de 5 servidores, então S1 a **confirma** e aplica `set y 2`, embora seja do mandato 2 e não do 4, o de S1 (F2-L5 violada). O verificador aponta na hora: **INV-X11**. S5, caído, mantém seu log [1,3]: mais atualizado que todos os outros, então uma maioria votaria nele, mas sem 2@2. S5 ainda pode vencer e apagá-la.',
      ),
    },
    {
      ...MOVES.s1Appends4,
      caption: t(
        '(c) S1 appends 4@3, which stays on S1: its links are cut now.',
        '(c) S1 añade 4@3, que se queda en S1: ahora sus enlaces están cortados.',
        '(c) S1 acrescenta 4@3, que fica em S1: agora suas ligações estão cortadas.',
      ),
    },
    { ...MOVES.s5FailsTerm4, caption: C.s5FailsTerm4 },
    {
      ...MOVES.s5LeadsTerm5,
      until: { event: 'violation' },
      caption: t(
        'S5 wins term 5 with S2, S3 and S4, but its log lacks 2@2, which S1 committed: now **INV-LC** (Leader Completeness) is violated too. Going on, S5 would overwrite index 2 and the state machines would disagree (INV-SMS).',
        'S5 gana el mandato 5 con S2, S3 y S4, pero a su registro le falta 2@2, que S1 confirmó: ahora también se viola **INV-LC** (completitud del líder). Si siguiera, S5 sobrescribiría el índice 2 y las máquinas de estados discreparían (INV-SMS).',
        'S5 vence o mandato 5 com S2, S3 e S4, mas falta em seu log a 2@2, que S1 confirmou: agora **INV-LC** (completude do líder) também é violada. Se continuasse, S5 sobrescreveria o índice 2 e as máquinas de estados divergiriam (INV-SMS).',
      ),
    },
  ],
});
