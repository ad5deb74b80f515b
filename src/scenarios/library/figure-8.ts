import { defineEntry, t } from './build.ts';
import { FIGURE8_CONFIG, MOVES, SHARED_CAPTIONS as C, figure8Initial } from './figure-8-script.ts';

/** SC-16: why a leader never commits an entry of an earlier term by counting replicas. */
export const figure8 = defineEntry({
  id: 'figure-8',
  title: t(
    'Figure 8: old entries are not counted',
    'Figura 8: las entradas antiguas no se cuentan',
    'Figura 8: entradas antigas não são contadas',
  ),
  summary: t(
    'The paper’s Figure 8, (a) to (d): an entry stored on a majority can still be overwritten, so a leader commits by counting replicas only entries of its own term.',
    'La Figura 8 del artículo, de (a) a (d): una entrada guardada en una mayoría aún puede sobrescribirse, así que un líder solo confirma contando réplicas entradas de su propio mandato.',
    'A Figura 8 do artigo, de (a) a (d): uma entrada guardada numa maioria ainda pode ser sobrescrita, então um líder só confirma contando réplicas entradas do seu próprio mandato.',
  ),
  cites: ['SC-16', 'F2-L5', 'F2-RV2', 'F2-AE4', 'INV-LC'],
  seed: 8,
  config: FIGURE8_CONFIG,
  initial: figure8Initial(),
  steps: [
    {
      ...MOVES.s1LeadsTerm2,
      caption: t(
        'Figure 8 of the paper. All five servers hold entry 1 of term 1; timers are frozen, so every election here is started by hand. (a) S1 times out and wins term 2.',
        'La Figura 8 del artículo. Los cinco servidores tienen la entrada 1 del mandato 1; los temporizadores están congelados, así que cada elección se inicia a mano. (a) S1 agota su temporizador y gana el mandato 2.',
        'A Figura 8 do artigo. Os cinco servidores têm a entrada 1 do mandato 1; os temporizadores estão congelados, então cada eleição é iniciada à mão. (a) S1 esgota o temporizador e vence o mandato 2.',
      ),
    },
    { ...MOVES.s1Appends2, caption: C.s1Appends2 },
    { ...MOVES.s5LeadsTerm3, caption: C.s5LeadsTerm3 },
    { ...MOVES.s5Appends3, caption: C.s5Appends3 },
    { ...MOVES.s1FailsTerm3, caption: C.s1FailsTerm3 },
    { ...MOVES.s1LeadsTerm4, caption: C.s1LeadsTerm4 },
    {
      ...MOVES.s1Repairs3,
      caption: t(
        'S1 brings S3 up to date (its link to S4 is cut): S3 refuses once, then stores 2@2 and answers success. 2@2 is now on S1, S2 and S3 — a majority of the five.',
        'S1 pone al día a S3 (su enlace con S4 está cortado): S3 rechaza una vez, luego guarda 2@2 y responde con éxito. 2@2 está ahora en S1, S2 y S3: una mayoría de los cinco.',
        'S1 põe S3 em dia (sua ligação com S4 está cortada): S3 recusa uma vez, depois guarda 2@2 e responde sucesso. 2@2 está agora em S1, S2 e S3: uma maioria dos cinco.',
      ),
    },
    {
      ...MOVES.s1Appends4,
      caption: t(
        '(c) S1 appends 4@3 (its links are cut now, so it stays on S1). Is 2@2 committed? **No**: S1 counts replicas only for entries of its current term, 4, and 2@2 is from term 2, so S1’s commitIndex does not reach 2 (F2-L5).',
        '(c) S1 añade 4@3 (ahora sus enlaces están cortados y se queda en S1). ¿Está confirmada 2@2? **No**: S1 solo cuenta réplicas de entradas de su mandato actual, el 4, y 2@2 es del mandato 2, así que el commitIndex de S1 no llega a 2 (F2-L5).',
        '(c) S1 acrescenta 4@3 (agora suas ligações estão cortadas e ela fica em S1). 2@2 está confirmada? **Não**: S1 só conta réplicas de entradas do mandato atual, o 4, e 2@2 é do mandato 2, então o commitIndex de S1 não chega a 2 (F2-L5).',
      ),
    },
    { ...MOVES.s5FailsTerm4, caption: C.s5FailsTerm4 },
    {
      ...MOVES.s5LeadsTerm5,
      caption: t(
        'S5 tries term 5 and wins with S2, S3 and S4: its last entry is from term 3, theirs from term 2 or earlier, so its log is more up-to-date (F2-RV2).',
        'S5 prueba el mandato 5 y gana con S2, S3 y S4: su última entrada es del mandato 3 y las de ellos del 2 o anteriores, así que su registro está más actualizado (F2-RV2).',
        'S5 tenta o mandato 5 e vence com S2, S3 e S4: sua última entrada é do mandato 3 e as deles do 2 ou anteriores, então seu log está mais atualizado (F2-RV2).',
      ),
    },
    {
      ...MOVES.s5Overwrites,
      caption: t(
        '(d) S5 replicates its log: index 2 conflicts on S2 and S3, so 2@2 is deleted and replaced by 3@2 (F2-AE4).',
        '(d) S5 replica su registro: el índice 2 entra en conflicto en S2 y S3, así que 2@2 se borra y se reemplaza por 3@2 (F2-AE4).',
        '(d) S5 replica seu log: o índice 2 conflita em S2 e S3, então 2@2 é apagada e substituída por 3@2 (F2-AE4).',
      ),
    },
    {
      ...MOVES.s5Commits,
      caption: t(
        'S5 commits its own entry 5@3 on a majority, and 3@2 with it. Had S1 committed 2@2 in (c), a committed entry would now be lost: that is why a leader counts replicas only for its own term (F2-L5, SC-16).',
        'S5 confirma su propia entrada 5@3 en una mayoría, y con ella 3@2. Si S1 hubiera confirmado 2@2 en (c), ahora se perdería una entrada confirmada: por eso un líder solo cuenta réplicas de su propio mandato (F2-L5, SC-16).',
        'S5 confirma sua própria entrada 5@3 numa maioria, e com ela 3@2. Se S1 tivesse confirmado 2@2 em (c), agora uma entrada confirmada se perderia: por isso um líder só conta réplicas do seu próprio mandato (F2-L5, SC-16).',
      ),
    },
  ],
});
