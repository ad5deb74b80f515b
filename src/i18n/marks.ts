/**
 * The ring's marks in words: the names and tooltips of messages in flight and of a candidate's
 * vote marks. RPC names (RequestVote, AppendEntries…) stay as the paper writes them.
 */
export const MARKS_EN = {
  'mark.preVoteRequest': 'Pre-vote request',
  'mark.voteGranted': 'Vote granted',
  'mark.voteDenied': 'Vote denied',
  'mark.preVoteGranted': 'Pre-vote granted',
  'mark.preVoteDenied': 'Pre-vote denied',
  'mark.heartbeat': 'Heartbeat',
  'mark.appendOk': 'AppendEntries ok',
  'mark.appendRejected': 'AppendEntries rejected',
  'mark.snapshotChunk': 'InstallSnapshot (chunk {chunk} of {chunks})',
  'mark.snapshotSaved': 'InstallSnapshot reply: saved',
  'mark.snapshotHas': 'InstallSnapshot reply: has {offset} chars',
  'mark.readIndex': "ReadIndex (for {client}'s get)",
  'mark.readIndexOk': 'ReadIndex reply: read index {index}',
  'mark.readIndexNo': 'ReadIndex reply: not the leader',
  'mark.clientRequest': 'Client request',
  'mark.clientReply': 'Client reply',
  'mark.redirect': 'Redirect',
  'mark.title': '#{id} {name}: {route}{term}; {fate}. {rule}.{dup} Click for details.',
  'mark.term': ', term {term}',
  'mark.arrives': 'arrives in {eta} ms',
  'mark.willLose': 'the network will lose it (loss ratio, F2-T3)',
  'mark.linkCut': 'the link is cut: it will be dropped',
  'mark.dup': ' Duplicate of #{id} (F2-T3).',
  'rpc.RequestVote': 'A candidate asks for a vote (F2-RV2)',
  'rpc.RequestVoteReply': 'Answer to RequestVote; counted only in the same term (F2-A3)',
  'rpc.AppendEntries': 'Leader replicates entries, or a heartbeat when empty (F2-L1, F2-L3)',
  'rpc.AppendEntriesReply': 'success moves matchIndex, failure backs nextIndex off (F2-L4)',
  'rpc.InstallSnapshot':
    'The leader discarded the entries this follower needs, so it sends its snapshot in chunks; each chunk also resets the follower’s election timer (F2-IS7, F2-IS2)',
  'rpc.InstallSnapshotReply':
    'How much of the snapshot the follower holds: the leader sends the next chunk from there, or AppendEntries once it is saved (F2-IS2, F2-IS3)',
  'rpc.ReadIndex':
    'A follower asks the leader for a read index so it can answer a client’s get itself (follower read, C-4)',
  'rpc.ReadIndexReply':
    'The leader confirmed it still leads and sends the read index: the follower answers once it has applied up to it; ✗: the server asked no longer leads and the client is sent on (C-4)',
  'rpc.TimeoutNow': 'Leadership transfer: the target starts an election at once (X-LT)',
  'rpc.ClientRequest': 'A client command; non-leaders redirect it (C-1)',
  'rpc.ClientReply': 'The result once applied, or a redirect to the leader (F2-L2, C-1)',
  'vote.granted': '{who} granted its vote (F2-RV2)',
  'vote.inFlight': '{who} granted its vote; the reply is still on its way',
  'vote.denied': '{who} refused: already voted this term or its log is more up to date (F2-RV2)',
  'vote.none': 'No answer from {who} yet',
} as const;

export type MarkKey = keyof typeof MARKS_EN;

export const MARKS_ES: Readonly<Record<MarkKey, string>> = {
  'mark.preVoteRequest': 'Petición de prevoto',
  'mark.voteGranted': 'Voto concedido',
  'mark.voteDenied': 'Voto denegado',
  'mark.preVoteGranted': 'Prevoto concedido',
  'mark.preVoteDenied': 'Prevoto denegado',
  'mark.heartbeat': 'Latido',
  'mark.appendOk': 'AppendEntries aceptado',
  'mark.appendRejected': 'AppendEntries rechazado',
  'mark.snapshotChunk': 'InstallSnapshot (fragmento {chunk} de {chunks})',
  'mark.snapshotSaved': 'Respuesta a InstallSnapshot: guardada',
  'mark.snapshotHas': 'Respuesta a InstallSnapshot: tiene {offset} caracteres',
  'mark.readIndex': 'ReadIndex (para el get de {client})',
  'mark.readIndexOk': 'Respuesta a ReadIndex: índice de lectura {index}',
  'mark.readIndexNo': 'Respuesta a ReadIndex: no es el líder',
  'mark.clientRequest': 'Petición de cliente',
  'mark.clientReply': 'Respuesta al cliente',
  'mark.redirect': 'Redirección',
  'mark.title': '#{id} {name}: {route}{term}; {fate}. {rule}.{dup} Haz clic para ver los detalles.',
  'mark.term': ', mandato {term}',
  'mark.arrives': 'llega en {eta} ms',
  'mark.willLose': 'la red lo perderá (tasa de pérdida, F2-T3)',
  'mark.linkCut': 'el enlace está cortado: se descartará',
  'mark.dup': ' Duplicado de #{id} (F2-T3).',
  'rpc.RequestVote': 'Un candidato pide un voto (F2-RV2)',
  'rpc.RequestVoteReply': 'Respuesta a RequestVote; solo cuenta en el mismo mandato (F2-A3)',
  'rpc.AppendEntries': 'El líder replica entradas, o envía un latido si va vacío (F2-L1, F2-L3)',
  'rpc.AppendEntriesReply':
    'un éxito adelanta matchIndex, un fallo hace retroceder nextIndex (F2-L4)',
  'rpc.InstallSnapshot':
    'El líder descartó las entradas que necesita este seguidor, así que le envía su instantánea por fragmentos; cada fragmento también reinicia el temporizador de elección del seguidor (F2-IS7, F2-IS2)',
  'rpc.InstallSnapshotReply':
    'Cuánto de la instantánea tiene el seguidor: el líder envía el siguiente fragmento desde ahí, o AppendEntries cuando ya está guardada (F2-IS2, F2-IS3)',
  'rpc.ReadIndex':
    'Un seguidor pide al líder un índice de lectura para responder él mismo al get de un cliente (lectura en seguidor, C-4)',
  'rpc.ReadIndexReply':
    'El líder confirmó que sigue liderando y envía el índice de lectura: el seguidor responde cuando haya aplicado hasta él; ✗: el servidor consultado ya no lidera y el cliente es redirigido (C-4)',
  'rpc.TimeoutNow':
    'Transferencia de liderazgo: el destino empieza una elección de inmediato (X-LT)',
  'rpc.ClientRequest': 'Un comando de cliente; quien no es líder lo redirige (C-1)',
  'rpc.ClientReply': 'El resultado una vez aplicado, o una redirección al líder (F2-L2, C-1)',
  'vote.granted': '{who} concedió su voto (F2-RV2)',
  'vote.inFlight': '{who} concedió su voto; la respuesta aún va de camino',
  'vote.denied': '{who} se negó: ya votó en este mandato o su registro está más al día (F2-RV2)',
  'vote.none': 'Aún sin respuesta de {who}',
};

export const MARKS_PT: Readonly<Record<MarkKey, string>> = {
  'mark.preVoteRequest': 'Pedido de pré-voto',
  'mark.voteGranted': 'Voto concedido',
  'mark.voteDenied': 'Voto negado',
  'mark.preVoteGranted': 'Pré-voto concedido',
  'mark.preVoteDenied': 'Pré-voto negado',
  'mark.heartbeat': 'Heartbeat (batimento)',
  'mark.appendOk': 'AppendEntries aceito',
  'mark.appendRejected': 'AppendEntries rejeitado',
  'mark.snapshotChunk': 'InstallSnapshot (pedaço {chunk} de {chunks})',
  'mark.snapshotSaved': 'Resposta ao InstallSnapshot: salvo',
  'mark.snapshotHas': 'Resposta ao InstallSnapshot: tem {offset} caracteres',
  'mark.readIndex': 'ReadIndex (para o get de {client})',
  'mark.readIndexOk': 'Resposta ao ReadIndex: índice de leitura {index}',
  'mark.readIndexNo': 'Resposta ao ReadIndex: não é o líder',
  'mark.clientRequest': 'Pedido de cliente',
  'mark.clientReply': 'Resposta ao cliente',
  'mark.redirect': 'Redirecionamento',
  'mark.title': '#{id} {name}: {route}{term}; {fate}. {rule}.{dup} Clique para ver os detalhes.',
  'mark.term': ', mandato {term}',
  'mark.arrives': 'chega em {eta} ms',
  'mark.willLose': 'a rede vai perdê-la (taxa de perda, F2-T3)',
  'mark.linkCut': 'o link está cortado: ela será descartada',
  'mark.dup': ' Duplicata de #{id} (F2-T3).',
  'rpc.RequestVote': 'Um candidato pede um voto (F2-RV2)',
  'rpc.RequestVoteReply': 'Resposta ao RequestVote; só conta no mesmo mandato (F2-A3)',
  'rpc.AppendEntries':
    'O líder replica entradas, ou envia um heartbeat quando vazio (F2-L1, F2-L3)',
  'rpc.AppendEntriesReply': 'um sucesso avança matchIndex, uma falha recua nextIndex (F2-L4)',
  'rpc.InstallSnapshot':
    'O líder descartou as entradas de que este seguidor precisa, então envia seu snapshot em pedaços; cada pedaço também reinicia o temporizador de eleição do seguidor (F2-IS7, F2-IS2)',
  'rpc.InstallSnapshotReply':
    'Quanto do snapshot o seguidor tem: o líder envia o próximo pedaço a partir dali, ou AppendEntries quando ele estiver salvo (F2-IS2, F2-IS3)',
  'rpc.ReadIndex':
    'Um seguidor pede ao líder um índice de leitura para responder ele mesmo ao get de um cliente (leitura no seguidor, C-4)',
  'rpc.ReadIndexReply':
    'O líder confirmou que ainda lidera e envia o índice de leitura: o seguidor responde quando tiver aplicado até ele; ✗: o servidor consultado não lidera mais e o cliente é redirecionado (C-4)',
  'rpc.TimeoutNow': 'Transferência de liderança: o alvo começa uma eleição na hora (X-LT)',
  'rpc.ClientRequest': 'Um comando de cliente; quem não é líder o redireciona (C-1)',
  'rpc.ClientReply': 'O resultado depois de aplicado, ou um redirecionamento ao líder (F2-L2, C-1)',
  'vote.granted': '{who} concedeu seu voto (F2-RV2)',
  'vote.inFlight': '{who} concedeu seu voto; a resposta ainda está a caminho',
  'vote.denied': '{who} recusou: já votou neste mandato ou seu log está mais atualizado (F2-RV2)',
  'vote.none': 'Ainda sem resposta de {who}',
};
