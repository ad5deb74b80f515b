import { defineEntry, t } from './build.ts';
import {
  ADMIN,
  FIGURE10_CONFIG,
  FIGURE10_MOVES as M,
  figure10Initial,
} from './membership-script.ts';

const OPENING = t(
  'Three servers, C_old = {S1, S2, S3}, hold `set x 1`. S4 and S5 are new: running, empty, and idle, since no configuration names them yet. Timers are frozen; every election is started by hand. S3 wins term 2 and commits its no-op with S1 and S2.',
  'Tres servidores, C_old = {S1, S2, S3}, guardan `set x 1`. S4 y S5 son nuevos: están en marcha, vacíos e inactivos, porque ninguna configuración los nombra todavía. Los temporizadores están congelados; cada elección se inicia a mano. S3 gana el mandato 2 y confirma su no-op con S1 y S2.',
  'Três servidores, C_old = {S1, S2, S3}, guardam `set x 1`. S4 e S5 são novos: estão ligados, vazios e ociosos, pois nenhuma configuração os nomeia ainda. Os temporizadores estão congelados; cada eleição é iniciada à mão. S3 vence o mandato 2 e confirma seu no-op com S1 e S2.',
);

const REACHES = t(
  'The configuration entry reaches S4 and S5 only: S3’s links to S1 and S2 are cut. Each server uses the latest configuration in its log, committed or not (M-1), so S4 and S5 now take part, while S1 and S2 still know only C_old.',
  'La entrada de configuración solo llega a S4 y S5: los enlaces de S3 con S1 y S2 están cortados. Cada servidor usa la última configuración de su registro, confirmada o no (M-1), así que S4 y S5 ya participan, mientras S1 y S2 solo conocen C_old.',
  'A entrada de configuração só chega a S4 e S5: as ligações de S3 com S1 e S2 estão cortadas. Cada servidor usa a configuração mais recente do seu log, confirmada ou não (M-1), então S4 e S5 já participam, enquanto S1 e S2 só conhecem C_old.',
);

const CRASH = t(
  'S3 crashes before S4’s and S5’s answers come back, so nobody ever counts them: the change is stored on S3, S4 and S5 but committed nowhere.',
  'S3 se cae antes de que vuelvan las respuestas de S4 y S5, así que nadie llega a contarlas: el cambio está guardado en S3, S4 y S5, pero no se confirma en ningún sitio.',
  'S3 cai antes que voltem as respostas de S4 e S5, então ninguém chega a contá-las: a mudança está guardada em S3, S4 e S5, mas não é confirmada em lugar nenhum.',
);

/** SC-36 with BUG-DIRECTCONFIG: the paper's Figure 10, two leaders in term 3 (INV-ES). */
export const figure10Bug = defineEntry({
  id: 'figure-10-bug',
  title: t(
    'Figure 10: switching configurations directly (BUG-DIRECTCONFIG)',
    'Figura 10: cambiar de configuración de golpe (BUG-DIRECTCONFIG)',
    'Figura 10: trocar de configuração de uma vez (BUG-DIRECTCONFIG)',
  ),
  summary: t(
    'Going from three servers to five in one step: for a moment C_old and C_new each have their own majority, and two leaders are elected in the same term.',
    'Pasar de tres servidores a cinco en un solo paso: durante un momento C_old y C_new tienen cada una su propia mayoría, y se eligen dos líderes en el mismo mandato.',
    'Passar de três servidores a cinco num só passo: por um momento C_old e C_new têm cada uma sua própria maioria, e dois líderes são eleitos no mesmo mandato.',
  ),
  cites: ['BUG-DIRECTCONFIG', 'SC-36', 'M-1', 'M-2', 'M-4', 'INV-ES'],
  expectViolation: 'INV-ES',
  seed: 10,
  config: { ...FIGURE10_CONFIG, bugs: ['BUG-DIRECTCONFIG'] },
  initial: figure10Initial(),
  steps: [
    { ...M.s3Leads, caption: OPENING },
    {
      ...M.s3Changes,
      caption: t(
        'An admin asks S3 for C_new = {S1, …, S5}. S3 first sends the log to S4 and S5, which do not count yet, and once they have caught up **BUG-DIRECTCONFIG** makes it switch straight to C_new: one entry, `config 1,2,3,4,5`, at index 3. Safe for one server at a time (M-2), not for two.',
        'Un administrador pide a S3 C_new = {S1, …, S5}. S3 primero envía el registro a S4 y S5, que aún no cuentan, y cuando se han puesto al día **BUG-DIRECTCONFIG** le hace pasar directamente a C_new: una sola entrada, `config 1,2,3,4,5`, en el índice 3. Es seguro para un servidor cada vez (M-2), no para dos.',
        'Um administrador pede a S3 C_new = {S1, …, S5}. S3 primeiro envia o log a S4 e S5, que ainda não contam, e quando eles se atualizam o **BUG-DIRECTCONFIG** o faz passar direto a C_new: uma só entrada, `config 1,2,3,4,5`, no índice 3. É seguro para um servidor por vez (M-2), não para dois.',
      ),
    },
    { ...M.reachesS4S5, caption: REACHES },
    { ...M.s3Crashes, caption: CRASH },
    {
      ...M.bothCampaign,
      caption: t(
        'S3 restarts as a follower. S1 and S5 time out together and ask for votes in term 3. S1, still in C_old, reaches S2: 2 of 3 is a majority of C_old, so **S1 leads term 3**.',
        'S3 vuelve a arrancar como seguidor. S1 y S5 agotan su tiempo a la vez y piden votos en el mandato 3. S1, todavía en C_old, llega a S2: 2 de 3 es mayoría de C_old, así que **S1 lidera el mandato 3**.',
        'S3 reinicia como seguidor. S1 e S5 esgotam o tempo juntos e pedem votos no mandato 3. S1, ainda em C_old, alcança S2: 2 de 3 é maioria de C_old, então **S1 lidera o mandato 3**.',
      ),
    },
    {
      until: { event: 'violation' },
      caption: t(
        'S5 uses C_new and reaches S3 and S4, whose logs are no newer than its own: 3 of 5 is a majority of C_new, so **S5 leads term 3 too**. Two leaders in one term: the checker flags **INV-ES** (Election Safety). The two majorities, {S1, S2} and {S3, S4, S5}, do not overlap.',
        'S5 usa C_new y llega a S3 y S4, cuyos registros no son más nuevos que el suyo: 3 de 5 es mayoría de C_new, así que **S5 también lidera el mandato 3**. Dos líderes en un mandato: el verificador señala **INV-ES** (seguridad de la elección). Las dos mayorías, {S1, S2} y {S3, S4, S5}, no se solapan.',
        'S5 usa C_new e alcança S3 e S4, cujos logs não são mais novos que o seu: 3 de 5 é maioria de C_new, então **S5 também lidera o mandato 3**. Dois líderes num mandato: o verificador aponta **INV-ES** (segurança da eleição). As duas maiorias, {S1, S2} e {S3, S4, S5}, não se sobrepõem.',
      ),
    },
  ],
});

/** SC-36 under joint consensus: the same moves, and S5 cannot win (M-4). */
export const figure10Joint = defineEntry({
  id: 'figure-10-joint',
  title: t(
    'Figure 10 under joint consensus',
    'La Figura 10 con consenso conjunto',
    'A Figura 10 com consenso conjunto',
  ),
  summary: t(
    'The same moves as Figure 10, but the change goes through C_old,new: while it is in force a decision needs a majority of the old servers and of the new ones, so only one leader can win.',
    'Los mismos movimientos de la Figura 10, pero el cambio pasa por C_old,new: mientras está vigente, una decisión necesita mayoría de los servidores antiguos y de los nuevos, así que solo un líder puede ganar.',
    'Os mesmos movimentos da Figura 10, mas a mudança passa por C_old,new: enquanto ela vigora, uma decisão precisa de maioria dos servidores antigos e dos novos, então só um líder pode vencer.',
  ),
  cites: ['SC-36', 'SC-35', 'M-1', 'M-3', 'M-4', 'INV-ES'],
  seed: 10,
  config: FIGURE10_CONFIG,
  initial: figure10Initial(),
  steps: [
    { ...M.s3Leads, caption: OPENING },
    {
      ...M.s3Changes,
      caption: t(
        'An admin asks S3 for C_new = {S1, …, S5}. S3 catches S4 and S5 up first, then appends the **joint** configuration C_old,new, `config 1,2,3 -> 1,2,3,4,5`, at index 3. Under it, elections and commitment need a majority of {S1, S2, S3} **and** a majority of {S1, …, S5} (M-4).',
        'Un administrador pide a S3 C_new = {S1, …, S5}. S3 pone primero al día a S4 y S5, y luego añade la configuración **conjunta** C_old,new, `config 1,2,3 -> 1,2,3,4,5`, en el índice 3. Con ella, elegir y confirmar exige mayoría de {S1, S2, S3} **y** mayoría de {S1, …, S5} (M-4).',
        'Um administrador pede a S3 C_new = {S1, …, S5}. S3 primeiro atualiza S4 e S5 e depois acrescenta a configuração **conjunta** C_old,new, `config 1,2,3 -> 1,2,3,4,5`, no índice 3. Com ela, eleger e confirmar exige maioria de {S1, S2, S3} **e** maioria de {S1, …, S5} (M-4).',
      ),
    },
    { ...M.reachesS4S5, caption: REACHES },
    { ...M.s3Crashes, caption: CRASH },
    {
      ...M.bothCampaign,
      caption: t(
        'S3 restarts. S1 and S5 time out together, as in Figure 10. S1 knows only C_old and reaches S2: 2 of 3, so **S1 leads term 3**.',
        'S3 vuelve a arrancar. S1 y S5 agotan su tiempo a la vez, como en la Figura 10. S1 solo conoce C_old y llega a S2: 2 de 3, así que **S1 lidera el mandato 3**.',
        'S3 reinicia. S1 e S5 esgotam o tempo juntos, como na Figura 10. S1 só conhece C_old e alcança S2: 2 de 3, então **S1 lidera o mandato 3**.',
      ),
    },
    {
      until: { afterMs: 200 },
      caption: t(
        'S5 gets the votes of S3 and S4: with its own, 3 of 5 is a majority of C_new, but of C_old = {S1, S2, S3} it has only S3. Without both majorities **S5 stays a candidate**: one leader in term 3, and no invariant breaks.',
        'S5 consigue los votos de S3 y S4: con el suyo, 3 de 5 es mayoría de C_new, pero de C_old = {S1, S2, S3} solo tiene a S3. Sin las dos mayorías **S5 sigue siendo candidato**: un solo líder en el mandato 3 y ningún invariante se rompe.',
        'S5 obtém os votos de S3 e S4: com o seu, 3 de 5 é maioria de C_new, mas de C_old = {S1, S2, S3} só tem S3. Sem as duas maiorias **S5 continua candidato**: um só líder no mandato 3 e nenhum invariante é violado.',
      ),
    },
    {
      do: [
        { do: 'heal' },
        { do: 'reconfigure', members: [1, 2, 3, 4, 5], via: 1, client: ADMIN - 1 },
      ],
      until: { event: 'commit', server: 1, index: 5 },
      caption: t(
        'The network heals and the admin asks S1, the only leader. S1 has committed an entry of its term, so it may start the change (M-3): it overwrites the uncommitted joint entry that S3, S4 and S5 held, appends C_old,new at index 4 and, once both majorities store it, C_new at index 5. S5 follows S1 as soon as it hears it. Now all five are members.',
        'La red se recupera y el administrador se lo pide a S1, el único líder. S1 ya confirmó una entrada de su mandato, así que puede empezar el cambio (M-3): sobrescribe la entrada conjunta no confirmada que tenían S3, S4 y S5, añade C_old,new en el índice 4 y, cuando ambas mayorías la guardan, C_new en el índice 5. S5 sigue a S1 en cuanto lo oye. Ahora los cinco son miembros.',
        'A rede se recupera e o administrador pede a S1, o único líder. S1 já confirmou uma entrada do seu mandato, então pode iniciar a mudança (M-3): sobrescreve a entrada conjunta não confirmada que S3, S4 e S5 tinham, acrescenta C_old,new no índice 4 e, quando as duas maiorias a guardam, C_new no índice 5. S5 segue S1 assim que o ouve. Agora os cinco são membros.',
      ),
    },
  ],
});
