/**
 * The lab's words for follower reads (the rule catalogue C-4: "followers may obtain a readIndex from the
 * leader"; thesis §6.4): the ReadIndex glyph of the ring's legend, the client panel's tag, a
 * follower's reads in the inspector, a leader's read held for a follower, the new-run form's
 * checkbox and a link that asks for follower reads with reads through the log. Rule IDs, ReadIndex,
 * get, field names and server names stay as they are in every language; each rule ID is explained
 * in words next to it. Follower read: lectura en seguidor (es), leitura no seguidor (pt).
 */
export const FOLLOWER_READS_EN = {
  'read.tag.follower': 'follower read',
  'read.title.follower':
    'Answered by a follower from its own state at read index {index}: the leader confirmed it still leads and sent it that index, and the follower waited until it had applied up to it (C-4). No log entry.',
  'fread.fact': 'Follower reads',
  'fread.waitIndex': '{client} get {key}: waiting for a read index from {leader}',
  'fread.waitApply': '{client} get {key}: waiting to apply up to {index} (applied {applied})',
  'fread.factTitle':
    'Reads this follower serves itself (C-4): it asked the leader for a read index and answers from its own state once it has applied up to it. Volatile: lost on a crash; if the term changes before the index arrives, the client is sent on.',
  'fread.none': 'none',
  'fread.heldFor': 'read index for {server}',
  'run.followerReadsLinkRefused':
    'The link asks for follower reads (followerReads) with reads through the log: a follower needs a read index from the leader, which only reads=readIndex or reads=lease give (C-4). The run starts without follower reads.',
} as const;

/**
 * English that only parts loaded after the first paint show (the new-run form and the message inspector): it comes
 * with them (EN_LATER in messages.ts, fetched by laterWordsLazy.ts), not in the first paint's chunk.
 */
export const FOLLOWER_READS_LATER_EN = {
  'ring.readIndex':
    'ReadIndex (R): a follower asks the leader for a read index to answer a get itself (C-4); the hollow answer carries the index, ✗ if the server asked no longer leads',
  'fread.replyOk': '{follower} answers once it has applied up to entry {index} (C-4).',
  'fread.replyNo': 'The server asked no longer leads: {follower} sends the client on (C-1).',
  'run.followerReads': 'Followers serve reads',
  'run.followerReadsTitle':
    'Follower reads (C-4): a follower answers a get itself. It asks the leader for a read index, the leader confirms it still leads, and the follower answers from its own state once it has applied up to that index. The answer is as fresh as the leader’s.',
  'run.followerReadsNeedsIndex':
    'Only with reads by ReadIndex or lease: a follower needs a read index from the leader, and reads through the log have none (C-4).',
} as const;

export type FollowerReadsKey =
  keyof typeof FOLLOWER_READS_EN | keyof typeof FOLLOWER_READS_LATER_EN;

export const FOLLOWER_READS_ES: Readonly<Record<FollowerReadsKey, string>> = {
  'ring.readIndex':
    'ReadIndex (R): un seguidor pide al líder un índice de lectura para responder un get él mismo (C-4); la respuesta hueca lleva el índice, ✗ si el servidor consultado ya no lidera',
  'read.tag.follower': 'lectura en seguidor',
  'read.title.follower':
    'Respondida por un seguidor con su propio estado en el índice de lectura {index}: el líder confirmó que sigue liderando y le envió ese índice, y el seguidor esperó a haber aplicado hasta él (C-4). Sin entrada en el registro.',
  'fread.fact': 'Lecturas en seguidor',
  'fread.waitIndex': '{client} get {key}: esperando un índice de lectura de {leader}',
  'fread.waitApply': '{client} get {key}: esperando aplicar hasta {index} (aplicado {applied})',
  'fread.factTitle':
    'Lecturas que este seguidor sirve él mismo (C-4): pidió al líder un índice de lectura y responde con su propio estado cuando ha aplicado hasta él. Volátiles: se pierden al caerse; si el mandato cambia antes de que llegue el índice, el cliente es enviado a otro lado.',
  'fread.none': 'ninguna',
  'fread.heldFor': 'índice de lectura para {server}',
  'fread.replyOk': '{follower} responde cuando haya aplicado hasta la entrada {index} (C-4).',
  'fread.replyNo':
    'El servidor consultado ya no lidera: {follower} envía al cliente a otro lado (C-1).',
  'run.followerReads': 'Los seguidores sirven lecturas',
  'run.followerReadsTitle':
    'Lecturas en seguidor (C-4): un seguidor responde un get él mismo. Pide al líder un índice de lectura, el líder confirma que sigue liderando y el seguidor responde con su propio estado cuando ha aplicado hasta ese índice. La respuesta es tan reciente como la del líder.',
  'run.followerReadsNeedsIndex':
    'Solo con lecturas por ReadIndex o lease: un seguidor necesita un índice de lectura del líder, y las lecturas por el registro no tienen ninguno (C-4).',
  'run.followerReadsLinkRefused':
    'El enlace pide lecturas en seguidor (followerReads) con lecturas por el registro: un seguidor necesita un índice de lectura del líder, que solo dan reads=readIndex o reads=lease (C-4). La ejecución empieza sin lecturas en seguidor.',
};

export const FOLLOWER_READS_PT: Readonly<Record<FollowerReadsKey, string>> = {
  'ring.readIndex':
    'ReadIndex (R): um seguidor pede ao líder um índice de leitura para responder um get ele mesmo (C-4); a resposta vazada traz o índice, ✗ se o servidor consultado não lidera mais',
  'read.tag.follower': 'leitura no seguidor',
  'read.title.follower':
    'Respondida por um seguidor com o próprio estado no índice de leitura {index}: o líder confirmou que ainda lidera e lhe enviou esse índice, e o seguidor esperou até ter aplicado até ele (C-4). Sem entrada no log.',
  'fread.fact': 'Leituras no seguidor',
  'fread.waitIndex': '{client} get {key}: esperando um índice de leitura de {leader}',
  'fread.waitApply': '{client} get {key}: esperando aplicar até {index} (aplicado {applied})',
  'fread.factTitle':
    'Leituras que este seguidor serve ele mesmo (C-4): pediu ao líder um índice de leitura e responde com o próprio estado quando tiver aplicado até ele. Voláteis: perdidas numa queda; se o mandato mudar antes de o índice chegar, o cliente é mandado para outro servidor.',
  'fread.none': 'nenhuma',
  'fread.heldFor': 'índice de leitura para {server}',
  'fread.replyOk': '{follower} responde quando tiver aplicado até a entrada {index} (C-4).',
  'fread.replyNo':
    'O servidor consultado não lidera mais: {follower} manda o cliente para outro servidor (C-1).',
  'run.followerReads': 'Seguidores servem leituras',
  'run.followerReadsTitle':
    'Leituras no seguidor (C-4): um seguidor responde um get ele mesmo. Pede ao líder um índice de leitura, o líder confirma que ainda lidera e o seguidor responde com o próprio estado quando tiver aplicado até esse índice. A resposta é tão recente quanto a do líder.',
  'run.followerReadsNeedsIndex':
    'Só com leituras por ReadIndex ou lease: um seguidor precisa de um índice de leitura do líder, e leituras pelo log não têm nenhum (C-4).',
  'run.followerReadsLinkRefused':
    'O link pede leituras no seguidor (followerReads) com leituras pelo log: um seguidor precisa de um índice de leitura do líder, que só reads=readIndex ou reads=lease dão (C-4). A execução começa sem leituras no seguidor.',
};
