import type { Step } from '../steps.ts';
import { defineEntry, t } from './build.ts';
import { ADMIN, FROZEN } from './membership-script.ts';

/**
 * SC-39, the single-server bug of 2015 (one add, one remove) and the fix of M-3. C = {S1..S4};
 * S5 is new. The stories differ only in whether S2 may append a configuration before an entry
 * of its own term is committed.
 */
const CONFIG = { ...FROZEN, servers: 5, members: [1, 2, 3, 4] };

const OPENING: Step[] = [
  {
    do: [{ do: 'timeout', server: 1 }],
    until: { event: 'commit', server: 1, index: 1 },
    caption: t(
      'The cluster is C = {S1, S2, S3, S4}; S5 is new and idle. Timers are frozen; every election is started by hand. S1 leads term 1 and commits its no-op.',
      'El clúster es C = {S1, S2, S3, S4}; S5 es nuevo e inactivo. Los temporizadores están congelados; cada elección se inicia a mano. S1 lidera el mandato 1 y confirma su no-op.',
      'O cluster é C = {S1, S2, S3, S4}; S5 é novo e ocioso. Os temporizadores estão congelados; cada eleição é iniciada à mão. S1 lidera o mandato 1 e confirma seu no-op.',
    ),
  },
  {
    do: [
      { do: 'cut', link: [1, 2] },
      { do: 'cut', link: [1, 3] },
      { do: 'cut', link: [1, 4] },
      { do: 'addServer', server: 5, via: 1, client: ADMIN },
    ],
    until: { event: 'append', server: 1, index: 2 },
    caption: t(
      'An admin asks S1 to add S5. S1 catches S5 up and appends **D** = C ∪ {S5}, `config 1,2,3,4,5`, at index 2. One server at a time is the safe kind of change (M-2). But S1’s links to the others are cut: D reaches S5 only.',
      'Un administrador pide a S1 que añada S5. S1 pone al día a S5 y añade **D** = C ∪ {S5}, `config 1,2,3,4,5`, en el índice 2. Un servidor cada vez es el tipo de cambio seguro (M-2). Pero los enlaces de S1 con los demás están cortados: D solo llega a S5.',
      'Um administrador pede a S1 que adicione S5. S1 atualiza S5 e acrescenta **D** = C ∪ {S5}, `config 1,2,3,4,5`, no índice 2. Um servidor por vez é o tipo seguro de mudança (M-2). Mas as ligações de S1 com os outros estão cortadas: D só chega a S5.',
    ),
  },
  {
    do: [
      { do: 'crash', server: 1 },
      { do: 'timeout', server: 2 },
    ],
    until: { event: 'leader', server: 2, term: 2 },
    caption: t(
      'S1 goes offline with D uncommitted. S2 times out and wins term 2 with S3 and S4: 3 of 4 in C, the configuration it knows. It appends its no-op, but its links to S3 and S4 fail at once, so the no-op stays on S2.',
      'S1 se desconecta con D sin confirmar. S2 agota su tiempo y gana el mandato 2 con S3 y S4: 3 de 4 en C, la configuración que conoce. Añade su no-op, pero sus enlaces con S3 y S4 fallan enseguida, así que el no-op se queda en S2.',
      'S1 sai do ar com D sem confirmar. S2 esgota o tempo e vence o mandato 2 com S3 e S4: 3 de 4 em C, a configuração que conhece. Acrescenta seu no-op, mas suas ligações com S3 e S4 falham na hora, então o no-op fica em S2.',
    ),
  },
];

const CUT_S2 = [
  { do: 'cut', link: [2, 3] },
  { do: 'cut', link: [2, 4] },
  { do: 'removeServer', server: 1, via: 2, client: ADMIN - 1 },
] satisfies Step['do'];

/** S2 goes down; S1 comes back, reaching S4 and S5 only, and campaigns in term 2. */
const S1_RETURNS = {
  do: [
    { do: 'crash', server: 2 },
    { do: 'cut', link: [1, 3] },
    { do: 'connect', link: [1, 4] },
    { do: 'restart', server: 1 },
    { do: 'timeout', server: 1 },
  ],
  until: { afterMs: 50 },
} satisfies Omit<Step, 'caption'>;

const S1_RETURNS_CAPTION = t(
  'S2 goes down. S1 comes back, reaching S4 and S5, and asks for votes in term 2. S4 already voted for S2 in term 2 and refuses; S5 agrees. S1 uses D, where 2 of 5 is not enough.',
  'S2 se cae. S1 vuelve, con acceso a S4 y S5, y pide votos en el mandato 2. S4 ya votó por S2 en el mandato 2 y se niega; S5 acepta. S1 usa D, donde 2 de 5 no bastan.',
  'S2 cai. S1 volta, alcançando S4 e S5, e pede votos no mandato 2. S4 já votou em S2 no mandato 2 e recusa; S5 aceita. S1 usa D, onde 2 de 5 não bastam.',
);

/** BUG-EARLYCONFIG: S2 appends E before committing its no-op; S1 later erases committed E. */
export const singleServerBug = defineEntry({
  id: 'single-server-bug',
  title: t(
    'The single-server change bug of 2015 (BUG-EARLYCONFIG)',
    'El error de los cambios de un solo servidor de 2015 (BUG-EARLYCONFIG)',
    'O erro das mudanças de um só servidor de 2015 (BUG-EARLYCONFIG)',
  ),
  summary: t(
    'Adding one server and removing another, each safe on its own, lose a committed entry when a new leader changes the configuration before it has committed anything in its own term.',
    'Añadir un servidor y quitar otro, cada cosa segura por sí sola, pierden una entrada confirmada cuando un líder nuevo cambia la configuración antes de haber confirmado nada en su propio mandato.',
    'Adicionar um servidor e remover outro, cada coisa segura por si só, perdem uma entrada confirmada quando um líder novo muda a configuração antes de ter confirmado algo no próprio mandato.',
  ),
  cites: ['BUG-EARLYCONFIG', 'SC-39', 'M-2', 'M-3', 'INV-X15', 'INV-LC', 'INV-SMS'],
  expectViolation: 'INV-LC',
  seed: 39,
  config: { ...CONFIG, bugs: ['BUG-EARLYCONFIG'] },
  steps: [
    ...OPENING,
    {
      do: CUT_S2,
      until: { event: 'append', server: 2, index: 3 },
      caption: t(
        'An admin asks S2 to remove S1. With **BUG-EARLYCONFIG** S2 does it right away and appends **E** = {S2, S3, S4} at index 3, although no entry of term 2 is committed yet. The checker flags it: **INV-X15** (M-3, the fix published in 2015).',
        'Un administrador pide a S2 que quite a S1. Con **BUG-EARLYCONFIG** S2 lo hace enseguida y añade **E** = {S2, S3, S4} en el índice 3, aunque todavía no hay confirmada ninguna entrada del mandato 2. El verificador lo señala: **INV-X15** (M-3, la corrección publicada en 2015).',
        'Um administrador pede a S2 que remova S1. Com **BUG-EARLYCONFIG** S2 faz isso na hora e acrescenta **E** = {S2, S3, S4} no índice 3, embora nenhuma entrada do mandato 2 esteja confirmada ainda. O verificador aponta: **INV-X15** (M-3, a correção publicada em 2015).',
      ),
    },
    {
      do: [{ do: 'connect', link: [2, 3] }],
      until: { event: 'commit', server: 2, index: 3 },
      caption: t(
        'S3 is back in reach and stores the no-op and E. S2 now counts in E, where S2 and S3 are 2 of 3: E is **committed**, and S2 answers the admin `ok`: S1 is out.',
        'S3 vuelve a estar al alcance y guarda el no-op y E. S2 ya cuenta en E, donde S2 y S3 son 2 de 3: E queda **confirmada**, y S2 responde `ok` al administrador: S1 está fuera.',
        'S3 volta a ser alcançável e guarda o no-op e E. S2 agora conta em E, onde S2 e S3 são 2 de 3: E fica **confirmada**, e S2 responde `ok` ao administrador: S1 está fora.',
      ),
    },
    { ...S1_RETURNS, caption: S1_RETURNS_CAPTION },
    {
      do: [{ do: 'timeout', server: 1 }],
      until: { event: 'leader', server: 1, term: 3 },
      caption: t(
        'S1 tries again in term 3. S4’s log holds only the term-1 no-op, S1’s is longer, so S4 votes for it, and so does S5: S1, S4, S5 are 3 of 5 in D. **S1 leads term 3 without E**, a committed entry: **INV-LC** (Leader Completeness). D’s majorities and E’s need not overlap: {S1, S4, S5} and {S2, S3} share no one.',
        'S1 lo intenta de nuevo en el mandato 3. El registro de S4 solo tiene el no-op del mandato 1 y el de S1 es más largo, así que S4 vota por él, igual que S5: S1, S4 y S5 son 3 de 5 en D. **S1 lidera el mandato 3 sin E**, una entrada confirmada: **INV-LC** (completitud del líder). Las mayorías de D y de E no tienen por qué cruzarse: {S1, S4, S5} y {S2, S3} no comparten a nadie.',
        'S1 tenta de novo no mandato 3. O log de S4 só tem o no-op do mandato 1 e o de S1 é mais longo, então S4 vota nele, assim como S5: S1, S4 e S5 são 3 de 5 em D. **S1 lidera o mandato 3 sem E**, uma entrada confirmada: **INV-LC** (completude do líder). As maiorias de D e de E não precisam se cruzar: {S1, S4, S5} e {S2, S3} não têm ninguém em comum.',
      ),
    },
    {
      do: [{ do: 'connect', link: [1, 3] }],
      until: { event: 'commit', server: 1, index: 3 },
      caption: t(
        'S1 reaches S3 and overwrites the committed E there, then commits its no-op with S4 and S5 and applies D at index 2, where S2 and S3 had applied the term-2 no-op: the state machines disagree, **INV-SMS**.',
        'S1 llega a S3 y sobrescribe allí la E confirmada; luego confirma su no-op con S4 y S5 y aplica D en el índice 2, donde S2 y S3 habían aplicado el no-op del mandato 2: las máquinas de estados discrepan, **INV-SMS**.',
        'S1 alcança S3 e sobrescreve ali a E confirmada; depois confirma seu no-op com S4 e S5 e aplica D no índice 2, onde S2 e S3 tinham aplicado o no-op do mandato 2: as máquinas de estados divergem, **INV-SMS**.',
      ),
    },
  ],
});

/** The fix (M-3): S2 must commit its no-op first, and then S1 cannot win. */
export const singleServerFix = defineEntry({
  id: 'single-server-fix',
  title: t(
    'The 2015 fix: commit an entry of your term before changing the configuration',
    'La corrección de 2015: confirmar una entrada del propio mandato antes de cambiar la configuración',
    'A correção de 2015: confirmar uma entrada do próprio mandato antes de mudar a configuração',
  ),
  summary: t(
    'The same moves with the rule of 2015: a new leader refuses a configuration change until an entry of its term is committed. That entry reaches a majority of the old configuration, which then blocks the stale leader.',
    'Los mismos movimientos con la regla de 2015: un líder nuevo rechaza un cambio de configuración hasta tener confirmada una entrada de su mandato. Esa entrada llega a una mayoría de la configuración antigua, que luego bloquea al líder desfasado.',
    'Os mesmos movimentos com a regra de 2015: um líder novo recusa uma mudança de configuração até ter confirmada uma entrada do seu mandato. Essa entrada chega a uma maioria da configuração antiga, que depois bloqueia o líder defasado.',
  ),
  cites: ['SC-39', 'M-2', 'M-3', 'F2-L7', 'F2-RV2'],
  seed: 39,
  config: CONFIG,
  steps: [
    ...OPENING,
    {
      do: CUT_S2,
      until: { event: 'clientReply' },
      caption: t(
        'An admin asks S2 to remove S1. No entry of term 2 is committed yet, so S2 **refuses**: `refused: noCommitThisTerm` (M-3). Until its no-op commits, S2 cannot know whether an earlier leader left a change behind.',
        'Un administrador pide a S2 que quite a S1. Aún no hay confirmada ninguna entrada del mandato 2, así que S2 se **niega**: `refused: noCommitThisTerm` (M-3). Hasta confirmar su no-op, S2 no puede saber si un líder anterior dejó un cambio a medias.',
        'Um administrador pede a S2 que remova S1. Nenhuma entrada do mandato 2 está confirmada ainda, então S2 **recusa**: `refused: noCommitThisTerm` (M-3). Até confirmar seu no-op, S2 não pode saber se um líder anterior deixou uma mudança pela metade.',
      ),
    },
    {
      do: [
        { do: 'connect', link: [2, 3] },
        { do: 'connect', link: [2, 4] },
      ],
      until: { event: 'commit', server: 2, index: 2 },
      caption: t(
        'S3 and S4 are back in reach. The no-op of term 2 is stored by S2, S3 and S4, 3 of 4 in C, and commits. Note what that means: **S4 now holds an entry of term 2**.',
        'S3 y S4 vuelven a estar al alcance. El no-op del mandato 2 lo guardan S2, S3 y S4, 3 de 4 en C, y se confirma. Fíjate en lo que implica: **S4 ya tiene una entrada del mandato 2**.',
        'S3 e S4 voltam a ser alcançáveis. O no-op do mandato 2 é guardado por S2, S3 e S4, 3 de 4 em C, e é confirmado. Repare no que isso implica: **S4 já tem uma entrada do mandato 2**.',
      ),
    },
    {
      do: [{ do: 'removeServer', server: 1, via: 2, client: ADMIN - 1 }],
      until: { event: 'commit', server: 2, index: 3 },
      caption: t(
        'The admin asks again. Now S2 may: it appends E = {S2, S3, S4} at index 3, which commits with a majority of E. S1 is removed.',
        'El administrador lo pide otra vez. Ahora S2 puede: añade E = {S2, S3, S4} en el índice 3, que se confirma con una mayoría de E. S1 queda fuera.',
        'O administrador pede de novo. Agora S2 pode: acrescenta E = {S2, S3, S4} no índice 3, que é confirmada com uma maioria de E. S1 está fora.',
      ),
    },
    { ...S1_RETURNS, caption: S1_RETURNS_CAPTION },
    {
      do: [{ do: 'timeout', server: 1 }],
      until: { afterMs: 100 },
      caption: t(
        'S1 tries term 3. S4’s last entry is from term 2 and S1’s from term 1, so S4 **refuses** (F2-RV2); only S5 agrees. S1 has 2 of 5 in D and stays a candidate: the committed E and the no-op survive, and no invariant breaks.',
        'S1 lo intenta en el mandato 3. La última entrada de S4 es del mandato 2 y la de S1 del mandato 1, así que S4 se **niega** (F2-RV2); solo S5 acepta. S1 tiene 2 de 5 en D y sigue como candidato: E confirmada y el no-op sobreviven, y ningún invariante se rompe.',
        'S1 tenta o mandato 3. A última entrada de S4 é do mandato 2 e a de S1 do mandato 1, então S4 **recusa** (F2-RV2); só S5 aceita. S1 tem 2 de 5 em D e continua candidato: a E confirmada e o no-op sobrevivem, e nenhum invariante é violado.',
      ),
    },
  ],
});
