/**
 * The lab's words for leadership transfer (the rule catalogue X-LT, thesis §3.10) and reads without the log
 * (C-4 ReadIndex, C-5 leases, thesis §6.4): the server action and its progress, the new-run
 * form's read modes, the client panel's read tags and the held reads of a leader. Rule IDs, TimeoutNow, ReadIndex, commands and server names stay as they
 * are in every language; each rule ID is explained in words next to it.
 */
export const READS_EN = {
  'transfer.action': 'Make this server the leader',
  'transfer.why':
    'Ask {leader}, the leader, to hand leadership to {name} (leadership transfer, thesis §3.10): it stops taking client requests, brings {name}’s log up to date, then sends TimeoutNow so {name} starts an election at once.',
  'transfer.noLeader': 'There is no leader right now: only a leader can hand leadership over.',
  'transfer.isLeader': '{name} is already the leader.',
  'transfer.down': '{name} is down: it could not take over.',
  'transfer.notVoter':
    '{name} does not vote in the leader’s configuration, so it cannot become leader.',
  'transfer.busy': '{leader} is already handing leadership to {target}.',
  'transfer.fact': 'Handing leadership to',
  'transfer.catchingUp': '{target}: catching it up',
  'transfer.timeoutNow': '{target}: TimeoutNow sent',
  'transfer.factTitle':
    'Leadership transfer (X-LT): the leader takes no client requests, brings {target}’s log up to date, then sends TimeoutNow so {target} starts an election at once. If {target} has not taken over within an election timeout, the transfer is given up and the leader goes on.',
  'transfer.badge': '→ {target}',
  'transfer.badgeTitle': '{name} is handing leadership to {target}',
  'read.tag.readIndex': 'ReadIndex',
  'read.tag.lease': 'lease',
  'read.tag.local': 'local (unsafe)',
  'read.title.readIndex':
    'Answered without a log entry, at read index {index}: the leader first confirmed with a heartbeat round that a majority still follows it (C-4).',
  'read.title.lease':
    'Answered without a log entry, at read index {index}, under a lease: a majority answered the leader less than an election timeout ago, so no other leader can exist yet (C-5).',
  'read.title.local':
    'Answered at once from the leader’s own state, without checking that it still leads (teaching bug BUG-LOCALREAD): the answer may be stale.',
  'reads.held': 'Held reads',
  'reads.heldValue': '{n}: {keys}',
  'reads.heldTitle':
    'Reads the leader holds until an entry of its term is committed, a majority answers a heartbeat sent after the read arrived, and its state machine has caught up (C-4).',
  'reads.none': 'none',
} as const;

/**
 * English that only parts loaded after the first paint show (the message inspector and the new-run form): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const READS_LATER_EN = {
  'run.reads': 'Reads',
  'run.readsTitle':
    'How a leader answers a get. Through the log: the read is an entry like any command. ReadIndex (C-4): the leader confirms with a heartbeat round that it still leads, then reads at its commit index. Lease (C-5): it skips the round while a majority answered it less than an election timeout ago.',
  'run.readsLog': 'through the log',
  'run.readsReadIndex': 'ReadIndex',
  'run.readsLease': 'lease',
  'run.readsLeaseOff': 'lease (needs CheckQuorum)',
  'run.leaseNeedsCq':
    'A lease needs CheckQuorum: only a leader that steps down when it loses its majority can trust that no other leader exists yet (C-5).',
  'bug.BUG-LOCALREAD':
    'A leader answers a get from its own state at once, without checking it still leads: a deposed leader returns stale data (breaks INV-C2, linearizable answers)',
} as const;

export type ReadsKey = keyof typeof READS_EN | keyof typeof READS_LATER_EN;

export const READS_ES: Readonly<Record<ReadsKey, string>> = {
  'transfer.action': 'Hacer líder a este servidor',
  'transfer.why':
    'Pedir a {leader}, el líder, que ceda el liderazgo a {name} (transferencia de liderazgo, tesis §3.10): deja de aceptar peticiones de clientes, pone al día el registro de {name} y luego le envía TimeoutNow para que {name} empiece una elección en el acto.',
  'transfer.noLeader': 'Ahora no hay líder: solo un líder puede ceder el liderazgo.',
  'transfer.isLeader': '{name} ya es el líder.',
  'transfer.down': '{name} está caído: no podría tomar el relevo.',
  'transfer.notVoter':
    '{name} no vota en la configuración del líder, así que no puede llegar a ser líder.',
  'transfer.busy': '{leader} ya está cediendo el liderazgo a {target}.',
  'transfer.fact': 'Cede el liderazgo a',
  'transfer.catchingUp': '{target}: poniéndolo al día',
  'transfer.timeoutNow': '{target}: TimeoutNow enviado',
  'transfer.factTitle':
    'Transferencia de liderazgo (X-LT): el líder no acepta peticiones de clientes, pone al día el registro de {target} y luego le envía TimeoutNow para que {target} empiece una elección en el acto. Si {target} no ha tomado el relevo en un timeout de elección, la transferencia se abandona y el líder sigue.',
  'transfer.badge': '→ {target}',
  'transfer.badgeTitle': '{name} está cediendo el liderazgo a {target}',
  'run.reads': 'Lecturas',
  'run.readsTitle':
    'Cómo responde un líder a un get. Por el registro: la lectura es una entrada como cualquier comando. ReadIndex (C-4): el líder confirma con una ronda de latidos que sigue liderando y lee en su índice de confirmación. Lease (C-5): se salta la ronda mientras una mayoría le haya respondido hace menos de un timeout de elección.',
  'run.readsLog': 'por el registro',
  'run.readsReadIndex': 'ReadIndex',
  'run.readsLease': 'lease',
  'run.readsLeaseOff': 'lease (necesita CheckQuorum)',
  'run.leaseNeedsCq':
    'Un lease necesita CheckQuorum: solo un líder que dimite al perder su mayoría puede fiarse de que todavía no existe otro líder (C-5).',
  'bug.BUG-LOCALREAD':
    'Un líder responde un get con su propio estado en el acto, sin comprobar que sigue liderando: un líder depuesto devuelve datos obsoletos (rompe INV-C2, respuestas linealizables)',
  'read.tag.readIndex': 'ReadIndex',
  'read.tag.lease': 'lease',
  'read.tag.local': 'local (inseguro)',
  'read.title.readIndex':
    'Respondida sin entrada en el registro, en el índice de lectura {index}: el líder confirmó antes con una ronda de latidos que una mayoría aún lo sigue (C-4).',
  'read.title.lease':
    'Respondida sin entrada en el registro, en el índice de lectura {index}, con un lease: una mayoría respondió al líder hace menos de un timeout de elección, así que aún no puede existir otro líder (C-5).',
  'read.title.local':
    'Respondida en el acto con el estado propio del líder, sin comprobar que sigue liderando (error didáctico BUG-LOCALREAD): la respuesta puede ser obsoleta.',
  'reads.held': 'Lecturas retenidas',
  'reads.heldValue': '{n}: {keys}',
  'reads.heldTitle':
    'Lecturas que el líder retiene hasta que se confirme una entrada de su mandato, una mayoría responda un latido enviado después de llegar la lectura y su máquina de estados se ponga al día (C-4).',
  'reads.none': 'ninguna',
};

export const READS_PT: Readonly<Record<ReadsKey, string>> = {
  'transfer.action': 'Tornar este servidor o líder',
  'transfer.why':
    'Pedir a {leader}, o líder, que passe a liderança a {name} (transferência de liderança, tese §3.10): ele para de aceitar requisições de clientes, atualiza o log de {name} e depois envia TimeoutNow para que {name} comece uma eleição na hora.',
  'transfer.noLeader': 'Não há líder agora: só um líder pode passar a liderança.',
  'transfer.isLeader': '{name} já é o líder.',
  'transfer.down': '{name} está fora do ar: não poderia assumir.',
  'transfer.notVoter': '{name} não vota na configuração do líder, então não pode virar líder.',
  'transfer.busy': '{leader} já está passando a liderança a {target}.',
  'transfer.fact': 'Passando a liderança a',
  'transfer.catchingUp': '{target}: atualizando-o',
  'transfer.timeoutNow': '{target}: TimeoutNow enviado',
  'transfer.factTitle':
    'Transferência de liderança (X-LT): o líder não aceita requisições de clientes, atualiza o log de {target} e depois envia TimeoutNow para que {target} comece uma eleição na hora. Se {target} não assumir dentro de um timeout de eleição, a transferência é abandonada e o líder continua.',
  'transfer.badge': '→ {target}',
  'transfer.badgeTitle': '{name} está passando a liderança a {target}',
  'run.reads': 'Leituras',
  'run.readsTitle':
    'Como um líder responde um get. Pelo log: a leitura é uma entrada como qualquer comando. ReadIndex (C-4): o líder confirma com uma rodada de heartbeats que ainda lidera e lê no seu índice de confirmação. Lease (C-5): ele pula a rodada enquanto uma maioria lhe respondeu há menos de um timeout de eleição.',
  'run.readsLog': 'pelo log',
  'run.readsReadIndex': 'ReadIndex',
  'run.readsLease': 'lease',
  'run.readsLeaseOff': 'lease (precisa de CheckQuorum)',
  'run.leaseNeedsCq':
    'Um lease precisa de CheckQuorum: só um líder que renuncia ao perder sua maioria pode confiar que ainda não existe outro líder (C-5).',
  'bug.BUG-LOCALREAD':
    'Um líder responde um get com o próprio estado na hora, sem verificar que ainda lidera: um líder deposto devolve dados obsoletos (quebra INV-C2, respostas linearizáveis)',
  'read.tag.readIndex': 'ReadIndex',
  'read.tag.lease': 'lease',
  'read.tag.local': 'local (inseguro)',
  'read.title.readIndex':
    'Respondida sem entrada no log, no índice de leitura {index}: o líder confirmou antes com uma rodada de heartbeats que uma maioria ainda o segue (C-4).',
  'read.title.lease':
    'Respondida sem entrada no log, no índice de leitura {index}, com um lease: uma maioria respondeu ao líder há menos de um timeout de eleição, então ainda não pode existir outro líder (C-5).',
  'read.title.local':
    'Respondida na hora com o próprio estado do líder, sem verificar que ainda lidera (bug didático BUG-LOCALREAD): a resposta pode estar obsoleta.',
  'reads.held': 'Leituras retidas',
  'reads.heldValue': '{n}: {keys}',
  'reads.heldTitle':
    'Leituras que o líder segura até que uma entrada do seu mandato seja confirmada, uma maioria responda um heartbeat enviado depois da chegada da leitura e sua máquina de estados se atualize (C-4).',
  'reads.none': 'nenhuma',
};
