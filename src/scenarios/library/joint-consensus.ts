import { defineEntry, t } from './build.ts';
import { ADMIN, FROZEN } from './membership-script.ts';

/** SC-35, the paper's Figure 11: C_old, then C_old,new, then C_new, from three servers to five. */
export const jointConsensus = defineEntry({
  id: 'joint-consensus',
  title: t(
    'Joint consensus: from three servers to five (Figure 11)',
    'Consenso conjunto: de tres servidores a cinco (Figura 11)',
    'Consenso conjunto: de três servidores a cinco (Figura 11)',
  ),
  summary: t(
    'The timeline of the paper’s Figure 11: C_old decides alone, then the joint configuration C_old,new needs both majorities, then C_new decides alone. At no moment can the two configurations decide separately.',
    'La línea de tiempo de la Figura 11 del artículo: C_old decide sola, luego la configuración conjunta C_old,new necesita las dos mayorías, y después C_new decide sola. En ningún momento pueden decidir por separado las dos configuraciones.',
    'A linha do tempo da Figura 11 do artigo: C_old decide sozinha, depois a configuração conjunta C_old,new precisa das duas maiorias, e então C_new decide sozinha. Em nenhum momento as duas configurações podem decidir separadamente.',
  ),
  cites: ['SC-35', 'M-1', 'M-2', 'M-4', 'M-5'],
  seed: 11,
  config: { ...FROZEN, servers: 5, members: [1, 2, 3] },
  steps: [
    {
      do: [{ do: 'timeout', server: 1 }],
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        '**C_old alone.** The cluster is {S1, S2, S3}; S1 leads term 1 and commits its no-op with them. S4 and S5 are running but idle: no configuration names them, so they neither vote nor campaign. Timers are frozen, so nothing happens unless the story asks.',
        '**Solo C_old.** El clúster es {S1, S2, S3}; S1 lidera el mandato 1 y confirma su no-op con ellos. S4 y S5 están en marcha pero inactivos: ninguna configuración los nombra, así que ni votan ni se presentan. Los temporizadores están congelados: nada ocurre si la historia no lo pide.',
        '**Só C_old.** O cluster é {S1, S2, S3}; S1 lidera o mandato 1 e confirma seu no-op com eles. S4 e S5 estão ligados mas ociosos: nenhuma configuração os nomeia, então não votam nem se candidatam. Os temporizadores estão congelados: nada acontece se a história não pedir.',
      ),
    },
    {
      do: [
        { do: 'cut', link: [1, 2] },
        { do: 'cut', link: [1, 3] },
        { do: 'reconfigure', members: [1, 2, 3, 4, 5], via: 1, client: ADMIN },
      ],
      until: { event: 'append', server: 1, index: 2 },
      caption: t(
        'An admin asks for C_new = {S1, …, S5}. S1 does not change anything yet: it first sends its log to S4 and S5 as non-voters (M-5). They catch up in one short round, so S1 appends **C_old,new**, `config 1,2,3 -> 1,2,3,4,5`, and uses it at once (M-1). To see what it needs, S1’s links to S2 and S3 are cut.',
        'Un administrador pide C_new = {S1, …, S5}. S1 aún no cambia nada: primero envía su registro a S4 y S5 como no votantes (M-5). Se ponen al día en una ronda corta, así que S1 añade **C_old,new**, `config 1,2,3 -> 1,2,3,4,5`, y la usa de inmediato (M-1). Para ver qué necesita, cortamos los enlaces de S1 con S2 y S3.',
        'Um administrador pede C_new = {S1, …, S5}. S1 ainda não muda nada: primeiro envia seu log a S4 e S5 como não votantes (M-5). Eles se atualizam numa rodada curta, então S1 acrescenta **C_old,new**, `config 1,2,3 -> 1,2,3,4,5`, e passa a usá-la na hora (M-1). Para ver do que ela precisa, cortamos as ligações de S1 com S2 e S3.',
      ),
    },
    {
      do: [{ do: 'reconfigure', members: [1, 2, 3], via: 1, client: ADMIN - 1 }],
      until: { afterMs: 100 },
      caption: t(
        'C_old,new is on S1, S4 and S5: 3 of 5 is a majority of C_new, but of C_old only S1 has it. Under joint consensus that is not enough (M-4): index 2 stays **uncommitted**. A second admin asks to go back to {S1, S2, S3} and is refused (`refused: inProgress`): one change at a time.',
        'C_old,new está en S1, S4 y S5: 3 de 5 es mayoría de C_new, pero de C_old solo la tiene S1. Con consenso conjunto no basta (M-4): el índice 2 sigue **sin confirmar**. Un segundo administrador pide volver a {S1, S2, S3} y se le rechaza (`refused: inProgress`): un cambio cada vez.',
        'C_old,new está em S1, S4 e S5: 3 de 5 é maioria de C_new, mas de C_old só S1 a tem. Com consenso conjunto isso não basta (M-4): o índice 2 continua **sem confirmar**. Um segundo administrador pede para voltar a {S1, S2, S3} e é recusado (`refused: inProgress`): uma mudança por vez.',
      ),
    },
    {
      do: [
        { do: 'connect', link: [1, 2] },
        { do: 'connect', link: [1, 3] },
      ],
      until: { event: 'commit', server: 1, index: 2 },
      caption: t(
        'The links come back and S2, S3 store C_old,new: now a majority of C_old **and** a majority of C_new hold it, so it **commits**. At that moment S1 appends **C_new**, `config 1,2,3,4,5`, at index 3 by itself: the second half of the change.',
        'Vuelven los enlaces y S2, S3 guardan C_old,new: ahora la tienen una mayoría de C_old **y** una mayoría de C_new, así que se **confirma**. En ese momento S1 añade por sí mismo **C_new**, `config 1,2,3,4,5`, en el índice 3: la segunda mitad del cambio.',
        'As ligações voltam e S2, S3 guardam C_old,new: agora uma maioria de C_old **e** uma maioria de C_new a têm, então ela é **confirmada**. Nesse momento S1 acrescenta sozinho **C_new**, `config 1,2,3,4,5`, no índice 3: a segunda metade da mudança.',
      ),
    },
    {
      until: { event: 'commit', server: 1, index: 3 },
      caption: t(
        '**C_new alone.** C_new is stored by a majority of the five and commits; the change is complete and S1 answers the admin `ok`. From here C_old no longer counts for anything.',
        '**Solo C_new.** C_new está en una mayoría de los cinco y se confirma; el cambio ha terminado y S1 responde `ok` al administrador. A partir de aquí C_old ya no cuenta para nada.',
        '**Só C_new.** C_new está numa maioria dos cinco e é confirmada; a mudança terminou e S1 responde `ok` ao administrador. Daqui em diante C_old não conta para mais nada.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 2 },
        { do: 'crash', server: 3 },
        { do: 'request', server: 1, command: 'set x 1', client: 1 },
      ],
      until: { event: 'commit', server: 1, index: 4 },
      caption: t(
        'To see it, S2 and S3 crash: two of the three original servers. A client writes `set x 1`, and it still commits, on S1, S4 and S5, 3 of 5. Before the change, losing two of three servers would have stopped the cluster.',
        'Para comprobarlo, S2 y S3 se caen: dos de los tres servidores originales. Un cliente escribe `set x 1` y aun así se confirma, en S1, S4 y S5, 3 de 5. Antes del cambio, perder dos de tres servidores habría parado el clúster.',
        'Para conferir, S2 e S3 caem: dois dos três servidores originais. Um cliente escreve `set x 1` e mesmo assim ela é confirmada, em S1, S4 e S5, 3 de 5. Antes da mudança, perder dois de três servidores teria parado o cluster.',
      ),
    },
  ],
});
