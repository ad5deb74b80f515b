/**
 * The lab's words for log compaction (paper §7, thesis §5.1; the rule catalogue F2-IS1..IS7): the compacted
 * block of the log panel, the inspector's snapshot facts, a leader sending a snapshot, the
 * InstallSnapshot glyph and the new-run form's "snapshot every" field. Rule IDs, InstallSnapshot,
 * field names and server names stay as they are in every language; each rule ID is explained in
 * words next to it. Snapshot: instantánea (es), snapshot (pt).
 */
export const SNAPSHOTS_EN = {
  'snap.block': 'snapshot ≤ {index} · t{term}',
  'snap.blockShort': '≤ {index}',
  'snap.blockTitle':
    '{name} · snapshot of entries 1–{index} (last included term {term}): the log no longer holds them. The snapshot keeps what they produced: the key-value store, the client sessions and the configuration as of entry {index}. Each server snapshots its own committed entries (F2-IS6).',
  'snap.rowCount': 'entries {first}–{last} after a snapshot at {index}',
  'snap.rowEmpty': 'no entries after a snapshot at {index}',
  'snap.fact': 'Snapshot',
  'snap.factValue': 'entries ≤ {index}, last term {term}',
  'snap.none': 'none yet',
  'snap.factTitle':
    'Log compaction: every {every} applied entries the server saves its state as a snapshot and discards those entries from its log. Only committed entries go into it, and each server takes its own (F2-IS6).',
  'snap.config': 'Snapshot configuration',
  'snap.configTitle':
    'The configuration in force at the snapshot’s last entry: the entry that set it may be discarded, so the snapshot carries it (F2-IS6).',
  'snap.state': 'Snapshot state',
  'snap.stateValue': '{keys} keys, {sessions} client sessions',
  'snap.stateTitle':
    'What the discarded entries produced: the key-value store and the client sessions, so a retried command is still answered once (F2-IS6, C-2).',
  'snap.incoming': 'Receiving a snapshot',
  'snap.incomingValue': '{chars} characters so far from {leader} (≤ {index}, term {term})',
  'snap.incomingTitle':
    'The leader sends its snapshot in chunks; the follower writes each at its offset and saves the snapshot only once the last one arrives (F2-IS2, F2-IS3). Every chunk also shows the leader is alive (F2-IS7).',
  'snap.peerProgress': '{sent}/{size} chars ({pct}%)',
  'snap.peerProgressTitle':
    '{name} is being sent the snapshot up to entry {index} (term {term}): {sent} of {size} characters acknowledged (F2-IS2, F2-IS7).',
  'snap.transferSnapshot': '{target}: sending it a snapshot first',
} as const;

/**
 * English that only parts loaded after the first paint show (the message inspector and the new-run form): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const SNAPSHOTS_LATER_EN = {
  'legend.snapshot': 'Snapshot: the compacted start of the log',
  'legend.snapshotDetail':
    'One block up to its last included index; the entries in it are discarded (F2-IS6).',
  'snap.peerColumn': 'Snapshot',
  'snap.peerColumnTitle':
    'A snapshot being sent to this peer: the leader already discarded the entry it needs next, so it sends its snapshot instead, chunk by chunk (F2-IS7, F2-IS2). Characters acknowledged of the total.',
  'ring.installSnapshot':
    'InstallSnapshot: the leader sends its snapshot in chunks, 2/5 is chunk 2 of 5 (F2-IS2, F2-IS7); a hollow one is the answer',
  'snap.chunkOf': 'Chunk {k} of {n}: characters {from}–{to}',
  'snap.chunkDone': 'The last chunk: the follower saves the snapshot (F2-IS3).',
  'snap.replyOffset': 'Received up to character {offset}',
  'snap.replyDone': 'Snapshot saved (or a newer one already was)',
  'run.snapshotEvery': 'Snapshot every',
  'run.snapshotEveryTitle':
    'Log compaction: each server saves its state as a snapshot every this many applied entries and discards them from its log (F2-IS6). 0 means never. A follower that falls behind the discarded entries gets the leader’s snapshot (InstallSnapshot).',
  'run.snapshotEveryUnit': 'entries (0 = never)',
  'run.snapshotEveryBad': 'A whole number of entries from 0 to {max}.',
} as const;

export type SnapshotsKey = keyof typeof SNAPSHOTS_EN | keyof typeof SNAPSHOTS_LATER_EN;

export const SNAPSHOTS_ES: Readonly<Record<SnapshotsKey, string>> = {
  'snap.block': 'instantánea ≤ {index} · m{term}',
  'snap.blockShort': '≤ {index}',
  'snap.blockTitle':
    '{name} · instantánea de las entradas 1–{index} (último mandato incluido {term}): el registro ya no las guarda. La instantánea conserva lo que produjeron: el almacén clave-valor, las sesiones de clientes y la configuración a la entrada {index}. Cada servidor hace instantáneas de sus propias entradas confirmadas (F2-IS6).',
  'snap.rowCount': 'entradas {first}–{last} tras una instantánea en {index}',
  'snap.rowEmpty': 'ninguna entrada tras una instantánea en {index}',
  'legend.snapshot': 'Instantánea: el comienzo compactado del registro',
  'legend.snapshotDetail':
    'Un bloque hasta su último índice incluido; sus entradas se descartaron (F2-IS6).',
  'snap.fact': 'Instantánea',
  'snap.factValue': 'entradas ≤ {index}, último mandato {term}',
  'snap.none': 'ninguna aún',
  'snap.factTitle':
    'Compactación del registro: cada {every} entradas aplicadas el servidor guarda su estado en una instantánea y descarta esas entradas de su registro. Solo entran entradas confirmadas, y cada servidor hace las suyas (F2-IS6).',
  'snap.config': 'Configuración de la instantánea',
  'snap.configTitle':
    'La configuración vigente en la última entrada de la instantánea: la entrada que la fijó puede haberse descartado, así que la instantánea la lleva (F2-IS6).',
  'snap.state': 'Estado de la instantánea',
  'snap.stateValue': '{keys} claves, {sessions} sesiones de clientes',
  'snap.stateTitle':
    'Lo que produjeron las entradas descartadas: el almacén clave-valor y las sesiones de clientes, para que un comando reintentado se siga respondiendo una sola vez (F2-IS6, C-2).',
  'snap.incoming': 'Recibiendo una instantánea',
  'snap.incomingValue': '{chars} caracteres hasta ahora de {leader} (≤ {index}, mandato {term})',
  'snap.incomingTitle':
    'El líder envía su instantánea en fragmentos; el seguidor escribe cada uno en su desplazamiento y guarda la instantánea solo cuando llega el último (F2-IS2, F2-IS3). Cada fragmento muestra además que el líder sigue vivo (F2-IS7).',
  'snap.peerColumn': 'Instantánea',
  'snap.peerColumnTitle':
    'Una instantánea que se envía a este par: el líder ya descartó la entrada que necesita, así que le envía su instantánea, fragmento a fragmento (F2-IS7, F2-IS2). Caracteres confirmados del total.',
  'snap.peerProgress': '{sent}/{size} caracteres ({pct}%)',
  'snap.peerProgressTitle':
    '{name} está recibiendo la instantánea hasta la entrada {index} (mandato {term}): {sent} de {size} caracteres confirmados (F2-IS2, F2-IS7).',
  'snap.transferSnapshot': '{target}: enviándole antes una instantánea',
  'snap.chunkOf': 'Fragmento {k} de {n}: caracteres {from}–{to}',
  'snap.chunkDone': 'El último fragmento: el seguidor guarda la instantánea (F2-IS3).',
  'snap.replyOffset': 'Recibido hasta el carácter {offset}',
  'snap.replyDone': 'Instantánea guardada (o ya lo estaba una más reciente)',
  'ring.installSnapshot':
    'InstallSnapshot: el líder envía su instantánea en fragmentos, 2/5 es el fragmento 2 de 5 (F2-IS2, F2-IS7); una hueca es la respuesta',
  'run.snapshotEvery': 'Instantánea cada',
  'run.snapshotEveryTitle':
    'Compactación del registro: cada servidor guarda su estado en una instantánea cada tantas entradas aplicadas y las descarta de su registro (F2-IS6). 0 significa nunca. Un seguidor que se quede por detrás de las entradas descartadas recibe la instantánea del líder (InstallSnapshot).',
  'run.snapshotEveryUnit': 'entradas (0 = nunca)',
  'run.snapshotEveryBad': 'Un número entero de entradas de 0 a {max}.',
};

export const SNAPSHOTS_PT: Readonly<Record<SnapshotsKey, string>> = {
  'snap.block': 'snapshot ≤ {index} · m{term}',
  'snap.blockShort': '≤ {index}',
  'snap.blockTitle':
    '{name} · snapshot das entradas 1–{index} (último mandato incluído {term}): o log não as guarda mais. O snapshot conserva o que elas produziram: o armazenamento chave-valor, as sessões de clientes e a configuração na entrada {index}. Cada servidor faz snapshots das próprias entradas confirmadas (F2-IS6).',
  'snap.rowCount': 'entradas {first}–{last} depois de um snapshot em {index}',
  'snap.rowEmpty': 'nenhuma entrada depois de um snapshot em {index}',
  'legend.snapshot': 'Snapshot: o começo compactado do log',
  'legend.snapshotDetail':
    'Um bloco até o último índice incluído; as entradas nele foram descartadas (F2-IS6).',
  'snap.fact': 'Snapshot',
  'snap.factValue': 'entradas ≤ {index}, último mandato {term}',
  'snap.none': 'nenhum ainda',
  'snap.factTitle':
    'Compactação do log: a cada {every} entradas aplicadas o servidor salva seu estado em um snapshot e descarta essas entradas do log. Só entram entradas confirmadas, e cada servidor faz os seus (F2-IS6).',
  'snap.config': 'Configuração do snapshot',
  'snap.configTitle':
    'A configuração em vigor na última entrada do snapshot: a entrada que a definiu pode ter sido descartada, então o snapshot a leva (F2-IS6).',
  'snap.state': 'Estado do snapshot',
  'snap.stateValue': '{keys} chaves, {sessions} sessões de clientes',
  'snap.stateTitle':
    'O que as entradas descartadas produziram: o armazenamento chave-valor e as sessões de clientes, para que um comando repetido continue sendo respondido uma só vez (F2-IS6, C-2).',
  'snap.incoming': 'Recebendo um snapshot',
  'snap.incomingValue': '{chars} caracteres até agora de {leader} (≤ {index}, mandato {term})',
  'snap.incomingTitle':
    'O líder envia seu snapshot em pedaços; o seguidor grava cada um no seu deslocamento e só salva o snapshot quando chega o último (F2-IS2, F2-IS3). Cada pedaço também mostra que o líder está vivo (F2-IS7).',
  'snap.peerColumn': 'Snapshot',
  'snap.peerColumnTitle':
    'Um snapshot sendo enviado a este par: o líder já descartou a entrada de que ele precisa, então envia seu snapshot, pedaço por pedaço (F2-IS7, F2-IS2). Caracteres confirmados do total.',
  'snap.peerProgress': '{sent}/{size} caracteres ({pct}%)',
  'snap.peerProgressTitle':
    '{name} está recebendo o snapshot até a entrada {index} (mandato {term}): {sent} de {size} caracteres confirmados (F2-IS2, F2-IS7).',
  'snap.transferSnapshot': '{target}: enviando-lhe antes um snapshot',
  'snap.chunkOf': 'Pedaço {k} de {n}: caracteres {from}–{to}',
  'snap.chunkDone': 'O último pedaço: o seguidor salva o snapshot (F2-IS3).',
  'snap.replyOffset': 'Recebido até o caractere {offset}',
  'snap.replyDone': 'Snapshot salvo (ou um mais novo já estava)',
  'ring.installSnapshot':
    'InstallSnapshot: o líder envia seu snapshot em pedaços, 2/5 é o pedaço 2 de 5 (F2-IS2, F2-IS7); um vazado é a resposta',
  'run.snapshotEvery': 'Snapshot a cada',
  'run.snapshotEveryTitle':
    'Compactação do log: cada servidor salva seu estado em um snapshot a cada tantas entradas aplicadas e as descarta do log (F2-IS6). 0 significa nunca. Um seguidor que fique para trás das entradas descartadas recebe o snapshot do líder (InstallSnapshot).',
  'run.snapshotEveryUnit': 'entradas (0 = nunca)',
  'run.snapshotEveryBad': 'Um número inteiro de entradas de 0 a {max}.',
};
