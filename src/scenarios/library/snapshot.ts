import { defineEntry, t } from './build.ts';
import { FROZEN } from './membership-script.ts';

const writes = (from: number, count: number) =>
  Array.from({ length: count }, (_, k) => ({
    do: 'request' as const,
    command: `set k${(from + k) % 4} ${from + k}`,
    client: 1 + ((from + k) % 3),
  }));

/** SC-42 (paper §7, Figure 13; F2-IS2, IS5, IS6, IS7): a follower away too long gets a snapshot. */
export const snapshot = defineEntry({
  id: 'snapshot',
  title: t(
    'Log compaction: a snapshot for a follower that was away',
    'Compactación del registro: una instantánea para un seguidor que estuvo fuera',
    'Compactação do log: um snapshot para um seguidor que esteve fora',
  ),
  summary: t(
    'Logs cannot grow for ever: each server saves its state machine in a snapshot and throws away the entries it covers. A follower that comes back after those entries are gone cannot be sent them any more, so the leader sends it the snapshot instead, chunk by chunk.',
    'Los registros no pueden crecer sin fin: cada servidor guarda su máquina de estados en una instantánea y tira las entradas que cubre. A un seguidor que vuelve cuando esas entradas ya no están no se le pueden enviar, así que el líder le envía la instantánea, trozo a trozo.',
    'Os logs não podem crescer para sempre: cada servidor guarda sua máquina de estados num snapshot e descarta as entradas que ele cobre. A um seguidor que volta quando essas entradas já não existem não dá mais para enviá-las, então o líder lhe envia o snapshot, pedaço a pedaço.',
  ),
  cites: ['SC-42', 'F2-IS6', 'F2-IS7', 'F2-IS2', 'F2-IS5'],
  seed: 42,
  config: { ...FROZEN, servers: 3, snapshotEvery: 5, maxEntriesPerAppend: 4 },
  actions: [{ at: 10, do: 'timeout', server: 1 }],
  steps: [
    {
      until: { event: 'commit', server: 1, index: 1 },
      caption: t(
        'S1 leads term 1. In this cluster every server takes a **snapshot** once it has applied 5 more entries: election timers are frozen, so nothing happens that you do not see asked for.',
        'S1 lidera el mandato 1. En este clúster cada servidor toma una **instantánea** cada vez que ha aplicado 5 entradas más: los temporizadores de elección están congelados, así que no pasa nada que no se vea pedir.',
        'S1 lidera o mandato 1. Neste cluster cada servidor tira um **snapshot** sempre que aplicou mais 5 entradas: os temporizadores de eleição estão congelados, então nada acontece sem que se veja pedir.',
      ),
    },
    {
      do: [{ do: 'crash', server: 3 }, ...writes(0, 8)],
      until: { event: 'snapshot', server: 1 },
      caption: t(
        'S3 crashes; clients send eight writes, which S1 and S2 commit without it. Once S1 has applied five entries, it saves its key-value store, its client sessions and its configuration as of the last entry it applied, and **discards** those entries. Its log now starts with one block: the snapshot, with its last index and term.',
        'S3 se cae; los clientes envían ocho escrituras, que S1 y S2 confirman sin él. En cuanto S1 ha aplicado cinco entradas, guarda su almacén clave-valor, sus sesiones de clientes y su configuración tal como estaban tras la última entrada aplicada, y **descarta** esas entradas. Su registro empieza ahora con un bloque: la instantánea, con su último índice y mandato.',
        'S3 cai; os clientes enviam oito escritas, que S1 e S2 confirmam sem ele. Assim que S1 aplicou cinco entradas, guarda seu armazenamento chave-valor, suas sessões de clientes e sua configuração como estavam após a última entrada aplicada, e **descarta** essas entradas. Seu log agora começa com um bloco: o snapshot, com seu último índice e mandato.',
      ),
    },
    {
      until: { event: 'snapshot', server: 2 },
      caption: t(
        'S2 does the same, **on its own**: no message asks a server to compact. Only committed, applied entries ever go into a snapshot.',
        'S2 hace lo mismo, **por su cuenta**: ningún mensaje pide a un servidor que compacte. En una instantánea solo entran entradas confirmadas y aplicadas.',
        'S2 faz o mesmo, **por conta própria**: nenhuma mensagem pede a um servidor que compacte. Num snapshot só entram entradas confirmadas e aplicadas.',
      ),
    },
    {
      do: [{ do: 'restart', server: 3 }],
      until: { afterMs: 15 },
      caption: t(
        'S3 comes back with the one entry it had. S1 would send it the next ones, but it has thrown them away: it sends **InstallSnapshot** instead, chunk by chunk, each answered chunk bringing the next (and each a sign of life from the leader). Click the message to see which chunk it is.',
        'S3 vuelve con la única entrada que tenía. S1 le enviaría las siguientes, pero las ha tirado: en su lugar envía **InstallSnapshot**, trozo a trozo; cada trozo respondido trae el siguiente (y cada uno es una señal de vida del líder). Haz clic en el mensaje para ver qué trozo es.',
        'S3 volta com a única entrada que tinha. S1 lhe enviaria as próximas, mas as descartou: em vez disso envia **InstallSnapshot**, pedaço a pedaço; cada pedaço respondido traz o próximo (e cada um é um sinal de vida do líder). Clique na mensagem para ver qual pedaço é.',
      ),
    },
    {
      until: { event: 'installSnapshot', server: 3 },
      caption: t(
        'With the last chunk S3 has the whole snapshot. Its log lacks the snapshot’s last entry, so it discards its log and **replaces its state machine** with the snapshot: its commit index jumps to the snapshot’s last index.',
        'Con el último trozo S3 tiene la instantánea entera. A su registro le falta la última entrada de la instantánea: lo descarta y **reemplaza su máquina de estados** con ella; su índice de confirmación salta al de la instantánea.',
        'Com o último pedaço S3 tem o snapshot inteiro. Falta ao seu log a última entrada do snapshot: ele o descarta e **substitui sua máquina de estados** pelo snapshot; seu índice de confirmação salta para o do snapshot.',
      ),
    },
    {
      do: writes(8, 1),
      until: { event: 'clientReply', server: 1 },
      caption: t(
        'From there S1 goes on with ordinary AppendEntries after the snapshot’s last index. S3 is back in step: same log, same store as the others.',
        'Desde ahí S1 sigue con AppendEntries normales tras el último índice de la instantánea. S3 vuelve a ir al paso: mismo registro, mismo almacén que los demás.',
        'Dali em diante S1 continua com AppendEntries normais após o último índice do snapshot. S3 volta a acompanhar: mesmo log, mesmo armazenamento que os outros.',
      ),
    },
  ],
});
