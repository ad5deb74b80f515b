import type { InitialServerState } from '../../core/index.ts';
import { defineEntry, t } from './build.ts';
import { ADMIN } from './membership-script.ts';

/** S1, S2, S3 hold 20 entries of term 1; S4 is new and empty. */
function initial(): InitialServerState[] {
  const log = Array.from({ length: 20 }, (_, i): [number, string] => [1, `set k${i + 1} ${i + 1}`]);
  return [1, 2, 3, 4].map((id) =>
    id <= 3 ? { term: 1, votedFor: null, log } : { term: 0, votedFor: null, log: [] },
  );
}

/** SC-33 with M-5: a new server catches up in rounds as a non-voter, then counts. */
export const addServer = defineEntry({
  id: 'add-server',
  title: t(
    'Adding a server: catch up first, then count',
    'Añadir un servidor: primero ponerse al día, luego contar',
    'Adicionar um servidor: primeiro se atualizar, depois contar',
  ),
  summary: t(
    'A new, empty server first receives the log as a non-voter, in rounds, while clients keep writing; only when a round is short does the leader add it to the configuration, and from then on it counts.',
    'Un servidor nuevo y vacío recibe primero el registro como no votante, por rondas, mientras los clientes siguen escribiendo; solo cuando una ronda es corta el líder lo añade a la configuración, y desde entonces cuenta.',
    'Um servidor novo e vazio recebe primeiro o log como não votante, em rodadas, enquanto os clientes continuam escrevendo; só quando uma rodada é curta o líder o adiciona à configuração, e daí em diante ele conta.',
  ),
  cites: ['SC-33', 'M-1', 'M-2', 'M-5', 'F2-L4'],
  seed: 33,
  config: { servers: 4, members: [1, 2, 3], maxEntriesPerAppend: 4 },
  initial: initial(),
  actions: [{ at: 10, do: 'timeout', server: 1 }],
  steps: [
    {
      until: { event: 'commit', server: 1, index: 21 },
      caption: t(
        'The cluster is {S1, S2, S3}, with 20 entries. S1 leads term 2 and commits its no-op at index 21. S4 is a new machine with an empty log; it is idle, since no configuration names it.',
        'El clúster es {S1, S2, S3}, con 20 entradas. S1 lidera el mandato 2 y confirma su no-op en el índice 21. S4 es una máquina nueva con el registro vacío; está inactiva, porque ninguna configuración la nombra.',
        'O cluster é {S1, S2, S3}, com 20 entradas. S1 lidera o mandato 2 e confirma seu no-op no índice 21. S4 é uma máquina nova com o log vazio; está ociosa, pois nenhuma configuração a nomeia.',
      ),
    },
    {
      do: [
        { do: 'addServer', server: 4, via: 1, client: ADMIN },
        { do: 'request', server: 1, command: 'set a 1', client: 1 },
      ],
      until: { afterMs: 300 },
      caption: t(
        'An admin asks S1 to add S4. S1 does not add it yet: first it sends S4 the log, as to a follower that does not vote (M-5). S4’s empty log makes S1 step back one entry at a time to find where they agree (F2-L4). Meanwhile `set a 1` commits on S1, S2, S3 without waiting for S4.',
        'Un administrador pide a S1 que añada S4. S1 todavía no lo añade: primero le envía el registro, como a un seguidor que no vota (M-5). El registro vacío de S4 obliga a S1 a retroceder entrada a entrada hasta encontrar dónde coinciden (F2-L4). Mientras tanto `set a 1` se confirma en S1, S2 y S3 sin esperar a S4.',
        'Um administrador pede a S1 que adicione S4. S1 ainda não o adiciona: primeiro envia o log a S4, como a um seguidor que não vota (M-5). O log vazio de S4 faz S1 recuar uma entrada por vez até achar onde concordam (F2-L4). Enquanto isso `set a 1` é confirmada em S1, S2 e S3 sem esperar por S4.',
      ),
    },
    {
      do: [{ do: 'request', server: 1, command: 'set b 2', client: 2 }],
      until: { event: 'append', server: 1, index: 24 },
      caption: t(
        'S4 now holds everything S1 had when it started: round 1 is over, but it took longer than an election timeout, so S1 is not yet sure S4 keeps up. It runs round 2 for the entries written meanwhile; that one is quick, so S1 appends **C_new** = {S1, S2, S3, S4}, `config 1,2,3,4`, at index 24. A single server, so no joint phase is needed (M-2).',
        'S4 ya tiene todo lo que S1 tenía al empezar: la ronda 1 ha terminado, pero duró más que un tiempo de elección, así que S1 aún no está seguro de que S4 vaya al ritmo. Hace una ronda 2 con las entradas escritas entretanto; esta es rápida, así que S1 añade **C_new** = {S1, S2, S3, S4}, `config 1,2,3,4`, en el índice 24. Es un solo servidor, así que no hace falta fase conjunta (M-2).',
        'S4 já tem tudo o que S1 tinha no início: a rodada 1 acabou, mas durou mais que um tempo de eleição, então S1 ainda não tem certeza de que S4 acompanha. Faz uma rodada 2 com as entradas escritas nesse meio-tempo; essa é rápida, então S1 acrescenta **C_new** = {S1, S2, S3, S4}, `config 1,2,3,4`, no índice 24. É um só servidor, então não precisa de fase conjunta (M-2).',
      ),
    },
    {
      until: { event: 'commit', server: 1, index: 24 },
      caption: t(
        'S1 uses C_new as soon as it is appended (M-1): it needs 3 of 4 now. C_new commits and S1 answers the admin. S4 is a full member: it votes, and it may be elected.',
        'S1 usa C_new en cuanto la añade (M-1): ahora necesita 3 de 4. C_new se confirma y S1 responde al administrador. S4 es miembro de pleno derecho: vota y puede ser elegido.',
        'S1 usa C_new assim que a acrescenta (M-1): agora precisa de 3 de 4. C_new é confirmada e S1 responde ao administrador. S4 é membro pleno: vota e pode ser eleito.',
      ),
    },
    {
      do: [
        { do: 'crash', server: 2 },
        { do: 'request', server: 1, command: 'set c 3', client: 1 },
      ],
      until: { event: 'commit', server: 1, index: 25 },
      caption: t(
        'S2 crashes and a client writes `set c 3`. It commits on S1, S3 and S4: S4’s copy is one of the three that make the majority.',
        'S2 se cae y un cliente escribe `set c 3`. Se confirma en S1, S3 y S4: la copia de S4 es una de las tres que forman la mayoría.',
        'S2 cai e um cliente escreve `set c 3`. Ela é confirmada em S1, S3 e S4: a cópia de S4 é uma das três que formam a maioria.',
      ),
    },
  ],
});
