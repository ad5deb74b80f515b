/**
 * Tooltips, hidden labels and dialog text of the views that were still English only: the ring's
 * tooltips, the playback and new-run titles, the panels' column tips and the Share dialog.
 * Field names (commitIndex, nextIndex…), commands (set, get…) and rule IDs stay as they are; every
 * rule ID is explained in the Rules panel.
 */
export const VIEW_TEXT_EN = {
  'tip.clientNoLeader': 'does not know the leader',
  'tip.clientBelieves': 'believes {server} leads',
  'tip.clientWaiting': 'waiting for "{command}" (attempt {attempt}, sent to {server})',
  'tip.clientIdle': 'idle',
  'tip.client':
    'Client {name}: {status}; {hint}. Each command carries (client, seq) so a retry is applied once (C-2).',
  'tip.serverCrashed':
    '{name} is crashed. It keeps term {term}, its vote and its log on disk; commitIndex and the per-peer state are lost (F2-S4, F2-S5). Right-click or select it to restart.',
  'tip.serverNoVote': 'has not voted',
  'tip.serverVoted': 'voted for {server}',
  'tip.roleLeader': 'leader: it sends heartbeats and replicates its log (F2-L1, F2-L3)',
  'tip.rolePrecandidate':
    'pre-candidate: it asks whether peers would vote for it, without raising its term (PreVote, X-PV)',
  'tip.roleCandidate': 'candidate: it asks every peer for a vote (F2-RV2)',
  'tip.roleFollower': 'follower: it answers RPCs and times out if the leader falls silent (F2-F2)',
  'tip.server':
    '{name}, {role}. Term {term} (colour = term, F2-S1); {vote} this term (F2-S2). Log: {log}, commitIndex {commit} (F2-S5). Click to inspect, right-click for actions.',
  'tip.linkPartition':
    '{pair}: cut by the partition; messages between the groups are dropped (F2-T3). Use Heal to join the groups.',
  'tip.linkCut':
    '{pair}: cut; messages are dropped in both directions (F2-T3). Click to reconnect.',
  'tip.linkOpen':
    '{pair}: connected. Click to cut this link (messages in both directions will be dropped).',
  'tip.ringLegend': 'What the shapes on the ring mean',
  'tip.ring': 'Cluster: servers, links and messages in flight',
  'tip.groupBadge': 'G{n}',
  'tip.timer':
    'Election timer: {left} ms of {total} ms left. When it runs out the server becomes a candidate (F2-F2); the length is random so elections rarely collide (F2-T1).',
  'tip.votes': 'Votes: {have} of the {need} needed, its own included (F2-RV2, INV-ES).',
  'tip.seed': 'Same seed and size: same run, event for event',
  'tip.preVote':
    'PreVote (thesis §9.6): ask a majority before raising the term, so a server coming back from a partition cannot disrupt the leader',
  'tip.checkQuorum':
    'CheckQuorum (thesis §6.2): a leader that cannot reach a majority for an election timeout steps down; servers that hear a leader ignore disruptive votes',
  'tip.newRun': 'Start a new run (seed and cluster size)',
  'tip.speed': 'Virtual time per wall-clock time',
  'tip.time': 'Virtual time. Click to go to an exact time.',
  'tip.timeInput': 'Go to virtual time in ms',
  'tip.toEnd': 'Back to the end of the timeline (End)',
  'tip.stepBack': 'Step back one event (←)',
  'tip.pause': 'Pause (Space)',
  'tip.play': 'Play (Space)',
  'tip.stepForward': 'Step forward one event (→)',
  'tip.suspect': 'It let a request time out; its redirects are ignored until it answers (C-1)',
  'tip.tries': 'Retries reuse the same seq, so the command runs once (C-2)',
  'tip.commandExample': 'set x 1',
  'tip.commandSyntax': 'set K V · get K · del K · incr K · cas K OLD NEW',
  'tip.logNums':
    'commitIndex {commit}: committed up to here (F2-S5); lastApplied {applied}: applied up to here (F2-S6)',
  'tip.drop': 'Drop this message now, as a network fault would',
  'tip.alreadyLost': 'Already going to be lost',
  'tip.alreadyDelivered': 'Already delivered',
  'tip.peersCaption': 'Peers as seen by this {role}',
  'tip.nextIndex': 'Index of the next entry to send (F2-S7)',
  'tip.matchIndex': 'Highest index known replicated (F2-S8)',
  'tip.vote': 'Votes in the current term (F2-S9)',
  'tip.nextRpc': 'When the next RPC may go out (a pending one blocks until it times out)',
  'tip.heartbeat': 'Idle followers get a heartbeat this often (F2-L1)',
  'tip.lastSeq': 'Latest request applied; a retry of it is answered from here (C-2)',
  'tip.termShort': 't{term}',
  'tip.leaderShort': 'L t{term}',
  'notice.leaderUp': 'A leader is up: its heartbeats keep resetting every timer (F2-F2).',
  'notice.fewTimers': 'Fewer than two election timers are running.',
  'notice.alreadySpread': 'The election timers are already spread apart.',
  'notice.spreadAhead': '{server} will time out {gap} ms ahead of the others.',
  'notice.splitNeedsTwo': 'A split vote needs two live servers.',
  'notice.splitVote': 'Every live server times out at once: a split vote (F2-T1).',
  'notice.noLeader': 'There is no leader to restart.',
  'notice.noneCrashed': 'No server is crashed.',
  'notice.startFailed': 'Could not start the run: {reason}',
  'notice.oneGroup': 'Put at least one server in another group (click a server to change it).',
  'notice.openedAtStart': 'Opened “{title}”, paused at the start. Press Play to go on.',
  'notice.openedAt': 'Opened “{title}”, paused at {time}. Press Play to go on.',
  'notice.linkClosed': 'This link is closed by the partition: use Heal to join the groups.',
  'cmd.empty': 'Type a command, e.g. set x 1',
  'cmd.unknown': 'Unknown operation “{op}”: use set, get, del, incr or cas',
  'cmd.arity1': '{op} takes {n} word: {form}',
  'cmd.arity': '{op} takes {n} words: {form}',
  'cmd.words': 'Keys: 1–{key} and values: 1–{value} of A-Z a-z 0-9 _ . : / -',
  'cmd.tooLong': 'At most {max} characters (this one has {n}), so a share link can carry it',
  'cmd.invalid': 'Not a valid command: {form}',
  'due.in': 'in {time}',
  'due.now': 'now',
  'result.ok': 'ok',
  'result.nil': '(nil): no such key',
  'result.fail': '{result}: not the expected value, so nothing changed',
  'result.badCommand': 'error: bad command (not a command the store knows)',
  'result.stale': 'error: stale request (older than the last one of its session, so ignored)',
  'share.dialogTitle': 'Share this run',
  'share.close': 'Close',
  'share.noLink': 'No link: {error}',
  'share.summary':
    'Seed {seed}, {servers}, {actions}. Whoever opens the link sees this same run, event for event, {where}.',
  'share.server': '{n} server',
  'share.servers': '{n} servers',
  'share.action': '{n} timed action',
  'share.actions': '{n} timed actions',
  'share.atStart': 'at its start',
  'share.pausedAt': 'paused at {time}',
  'share.link': 'Link',
  'share.linkLabel': 'Share link',
  'share.copy': 'Copy link',
  'share.length': '{n} characters',
  'share.copied': 'Copied to the clipboard.',
  'share.blocked':
    'This browser blocked copying: the link is selected in the box above, press Ctrl+C (⌘C on a Mac).',
  'share.qr': 'QR code',
  'share.qrLabel': 'QR code of the share link',
  'share.qrFullLabel': 'QR code of the share link, full screen',
  'share.qrFull': 'Full screen QR',
  'share.qrDense':
    'A long link makes a dense code: show it full screen and scan from a few metres.',
  'share.qrProjector':
    'Show it full screen on a projector: phones can scan it from the back of the room.',
  'share.qrTooLong':
    'This link is too long for a QR code ({n} characters; a QR code holds at most {max}). Copy the link instead, or share the run as a file.',
  'share.scan': 'Scan to open this run ({n} characters).',
  'share.file': 'File',
  'share.download': 'Download .json',
  'share.openFile': 'Open a .json file…',
  'share.fileHint':
    'The file holds the run from its start (no position). You can also drop a scenario file anywhere on the page.',
  'share.dropTitle': 'Drop a scenario file (.json) to open it',
  'share.dropHint':
    'It replaces the current run; a file that is not a valid scenario changes nothing.',
} as const;

export type ViewTextKey = keyof typeof VIEW_TEXT_EN;

export const VIEW_TEXT_ES: Readonly<Record<ViewTextKey, string>> = {
  'tip.clientNoLeader': 'no sabe quién es el líder',
  'tip.clientBelieves': 'cree que {server} es el líder',
  'tip.clientWaiting': 'esperando «{command}» (intento {attempt}, enviado a {server})',
  'tip.clientIdle': 'inactivo',
  'tip.client':
    'Cliente {name}: {status}; {hint}. Cada comando lleva (cliente, seq), así un reintento se aplica una sola vez (C-2).',
  'tip.serverCrashed':
    '{name} está caído. Conserva en disco el mandato {term}, su voto y su registro; commitIndex y el estado por par se pierden (F2-S4, F2-S5). Haz clic derecho o selecciónalo para reiniciarlo.',
  'tip.serverNoVote': 'no ha votado',
  'tip.serverVoted': 'votó por {server}',
  'tip.roleLeader': 'líder: envía latidos y replica su registro (F2-L1, F2-L3)',
  'tip.rolePrecandidate':
    'precandidato: pregunta a los pares si le votarían, sin subir su mandato (PreVote, X-PV)',
  'tip.roleCandidate': 'candidato: pide el voto a cada par (F2-RV2)',
  'tip.roleFollower':
    'seguidor: responde a las RPC y agota su temporizador si el líder calla (F2-F2)',
  'tip.server':
    '{name}, {role}. Mandato {term} (color = mandato, F2-S1); {vote} en este mandato (F2-S2). Registro: {log}, commitIndex {commit} (F2-S5). Haz clic para inspeccionarlo, clic derecho para las acciones.',
  'tip.linkPartition':
    '{pair}: cortado por la partición; los mensajes entre los grupos se pierden (F2-T3). Usa Reparar para unir los grupos.',
  'tip.linkCut':
    '{pair}: cortado; los mensajes se pierden en ambos sentidos (F2-T3). Haz clic para reconectarlo.',
  'tip.linkOpen':
    '{pair}: conectado. Haz clic para cortar este enlace (se perderán los mensajes en ambos sentidos).',
  'tip.ringLegend': 'Qué significan las formas del anillo',
  'tip.ring': 'Clúster: servidores, enlaces y mensajes en tránsito',
  'tip.groupBadge': 'G{n}',
  'tip.timer':
    'Temporizador de elección: quedan {left} ms de {total} ms. Cuando se agota, el servidor pasa a candidato (F2-F2); la duración es aleatoria para que las elecciones casi nunca choquen (F2-T1).',
  'tip.votes': 'Votos: {have} de los {need} necesarios, incluido el suyo (F2-RV2, INV-ES).',
  'tip.seed': 'Misma semilla y tamaño: la misma ejecución, evento por evento',
  'tip.preVote':
    'PreVote (tesis §9.6): pedir el apoyo de una mayoría antes de subir el mandato, para que un servidor que vuelve de una partición no eche al líder',
  'tip.checkQuorum':
    'CheckQuorum (tesis §6.2): un líder que no alcanza a una mayoría durante un tiempo de elección se retira; los servidores que oyen a un líder ignoran los votos que lo perturbarían',
  'tip.newRun': 'Iniciar una nueva ejecución (semilla y tamaño del clúster)',
  'tip.speed': 'Tiempo virtual por cada unidad de tiempo real',
  'tip.time': 'Tiempo virtual. Haz clic para ir a un instante exacto.',
  'tip.timeInput': 'Ir al tiempo virtual en ms',
  'tip.toEnd': 'Volver al final de la línea de tiempo (Fin)',
  'tip.stepBack': 'Retroceder un evento (←)',
  'tip.pause': 'Pausa (Espacio)',
  'tip.play': 'Reproducir (Espacio)',
  'tip.stepForward': 'Avanzar un evento (→)',
  'tip.suspect':
    'Dejó que una petición caducara; sus redirecciones se ignoran hasta que responda (C-1)',
  'tip.tries': 'Los reintentos reutilizan el mismo seq, así el comando se ejecuta una vez (C-2)',
  'tip.commandExample': 'set x 1',
  'tip.commandSyntax': 'set C V · get C · del C · incr C · cas C VIEJO NUEVO',
  'tip.logNums':
    'commitIndex {commit}: confirmado hasta aquí (F2-S5); lastApplied {applied}: aplicado hasta aquí (F2-S6)',
  'tip.drop': 'Descartar este mensaje ahora, como lo haría un fallo de red',
  'tip.alreadyLost': 'Ya se va a perder',
  'tip.alreadyDelivered': 'Ya se entregó',
  'tip.peersCaption': 'Pares vistos por este {role}',
  'tip.nextIndex': 'Índice de la siguiente entrada que se enviará (F2-S7)',
  'tip.matchIndex': 'Índice más alto que se sabe replicado (F2-S8)',
  'tip.vote': 'Votos en el mandato actual (F2-S9)',
  'tip.nextRpc': 'Cuándo puede salir la siguiente RPC (una pendiente bloquea hasta que caduque)',
  'tip.heartbeat': 'Los seguidores inactivos reciben un latido con esta frecuencia (F2-L1)',
  'tip.lastSeq': 'Última petición aplicada; un reintento de ella se responde desde aquí (C-2)',
  'tip.termShort': 'm{term}',
  'tip.leaderShort': 'L m{term}',
  'notice.leaderUp': 'Hay un líder: sus latidos reinician todos los temporizadores (F2-F2).',
  'notice.fewTimers': 'Hay menos de dos temporizadores de elección en marcha.',
  'notice.alreadySpread': 'Los temporizadores de elección ya están separados.',
  'notice.spreadAhead': '{server} agotará su temporizador {gap} ms antes que los demás.',
  'notice.splitNeedsTwo': 'Un empate de votos necesita dos servidores vivos.',
  'notice.splitVote':
    'Todos los servidores vivos agotan su temporizador a la vez: un empate de votos (F2-T1).',
  'notice.noLeader': 'No hay ningún líder que reiniciar.',
  'notice.noneCrashed': 'Ningún servidor está caído.',
  'notice.startFailed': 'No se pudo iniciar la ejecución: {reason}',
  'notice.oneGroup':
    'Pon al menos un servidor en otro grupo (haz clic en un servidor para cambiarlo).',
  'notice.openedAtStart': 'Abierto «{title}», en pausa al inicio. Pulsa Reproducir para seguir.',
  'notice.openedAt': 'Abierto «{title}», en pausa en {time}. Pulsa Reproducir para seguir.',
  'notice.linkClosed': 'La partición cierra este enlace: usa Reparar para unir los grupos.',
  'cmd.empty': 'Escribe un comando, por ejemplo set x 1',
  'cmd.unknown': 'Operación desconocida «{op}»: usa set, get, del, incr o cas',
  'cmd.arity1': '{op} lleva {n} palabra: {form}',
  'cmd.arity': '{op} lleva {n} palabras: {form}',
  'cmd.words':
    'Claves: de 1 a {key} y valores: de 1 a {value} caracteres entre A-Z a-z 0-9 _ . : / -',
  'cmd.tooLong':
    'Como mucho {max} caracteres (este tiene {n}), para que un enlace compartido pueda llevarlo',
  'cmd.invalid': 'No es un comando válido: {form}',
  'due.in': 'en {time}',
  'due.now': 'ahora',
  'result.ok': 'ok (hecho)',
  'result.nil': '(nil): la clave no existe',
  'result.fail': '{result}: no era el valor esperado, así que nada cambió',
  'result.badCommand': 'error: bad command (no es un comando que el almacén conozca)',
  'result.stale': 'error: stale request (es anterior a la última de su sesión, así que se ignora)',
  'share.dialogTitle': 'Compartir esta ejecución',
  'share.close': 'Cerrar',
  'share.noLink': 'Sin enlace: {error}',
  'share.summary':
    'Semilla {seed}, {servers}, {actions}. Quien abra el enlace verá esta misma ejecución, evento por evento, {where}.',
  'share.server': '{n} servidor',
  'share.servers': '{n} servidores',
  'share.action': '{n} acción programada',
  'share.actions': '{n} acciones programadas',
  'share.atStart': 'desde su inicio',
  'share.pausedAt': 'en pausa en {time}',
  'share.link': 'Enlace',
  'share.linkLabel': 'Enlace para compartir',
  'share.copy': 'Copiar enlace',
  'share.length': '{n} caracteres',
  'share.copied': 'Copiado al portapapeles.',
  'share.blocked':
    'Este navegador bloqueó la copia: el enlace está seleccionado en el cuadro de arriba, pulsa Ctrl+C (⌘C en un Mac).',
  'share.qr': 'Código QR',
  'share.qrLabel': 'Código QR del enlace para compartir',
  'share.qrFullLabel': 'Código QR del enlace para compartir, a pantalla completa',
  'share.qrFull': 'QR a pantalla completa',
  'share.qrDense':
    'Un enlace largo da un código denso: muéstralo a pantalla completa y escanéalo a pocos metros.',
  'share.qrProjector':
    'Muéstralo a pantalla completa en un proyector: los móviles lo escanean desde el fondo de la sala.',
  'share.qrTooLong':
    'Este enlace es demasiado largo para un código QR ({n} caracteres; un código QR admite como mucho {max}). Copia el enlace o comparte la ejecución como archivo.',
  'share.scan': 'Escanea para abrir esta ejecución ({n} caracteres).',
  'share.file': 'Archivo',
  'share.download': 'Descargar .json',
  'share.openFile': 'Abrir un archivo .json…',
  'share.fileHint':
    'El archivo guarda la ejecución desde su inicio (sin posición). También puedes soltar un archivo de escenario en cualquier parte de la página.',
  'share.dropTitle': 'Suelta un archivo de escenario (.json) para abrirlo',
  'share.dropHint':
    'Sustituye la ejecución actual; un archivo que no sea un escenario válido no cambia nada.',
};

export const VIEW_TEXT_PT: Readonly<Record<ViewTextKey, string>> = {
  'tip.clientNoLeader': 'não sabe quem é o líder',
  'tip.clientBelieves': 'acha que {server} é o líder',
  'tip.clientWaiting': 'esperando “{command}” (tentativa {attempt}, enviado a {server})',
  'tip.clientIdle': 'ocioso',
  'tip.client':
    'Cliente {name}: {status}; {hint}. Cada comando leva (cliente, seq), assim uma nova tentativa é aplicada uma só vez (C-2).',
  'tip.serverCrashed':
    '{name} está parado (caiu). Guarda em disco o mandato {term}, seu voto e seu log; commitIndex e o estado por par se perdem (F2-S4, F2-S5). Clique com o botão direito ou selecione-o para reiniciá-lo.',
  'tip.serverNoVote': 'não votou',
  'tip.serverVoted': 'votou em {server}',
  'tip.roleLeader': 'líder: envia heartbeats e replica seu log (F2-L1, F2-L3)',
  'tip.rolePrecandidate':
    'pré-candidato: pergunta aos pares se votariam nele, sem subir seu mandato (PreVote, X-PV)',
  'tip.roleCandidate': 'candidato: pede o voto a cada par (F2-RV2)',
  'tip.roleFollower':
    'seguidor: responde às RPCs e esgota o temporizador se o líder se cala (F2-F2)',
  'tip.server':
    '{name}, {role}. Mandato {term} (cor = mandato, F2-S1); {vote} neste mandato (F2-S2). Log: {log}, commitIndex {commit} (F2-S5). Clique para inspecionar, botão direito para as ações.',
  'tip.linkPartition':
    '{pair}: cortado pela partição; as mensagens entre os grupos se perdem (F2-T3). Use Reparar para unir os grupos.',
  'tip.linkCut':
    '{pair}: cortado; as mensagens se perdem nos dois sentidos (F2-T3). Clique para reconectá-lo.',
  'tip.linkOpen':
    '{pair}: conectado. Clique para cortar este link (as mensagens nos dois sentidos serão perdidas).',
  'tip.ringLegend': 'O que significam as formas do anel',
  'tip.ring': 'Cluster: servidores, links e mensagens em trânsito',
  'tip.groupBadge': 'G{n}',
  'tip.timer':
    'Temporizador de eleição: faltam {left} ms de {total} ms. Quando acaba, o servidor vira candidato (F2-F2); a duração é aleatória para que as eleições quase nunca colidam (F2-T1).',
  'tip.votes': 'Votos: {have} dos {need} necessários, incluindo o próprio (F2-RV2, INV-ES).',
  'tip.seed': 'Mesma semente e tamanho: a mesma execução, evento por evento',
  'tip.preVote':
    'PreVote (tese §9.6): pedir o apoio de uma maioria antes de subir o mandato, para que um servidor que volta de uma partição não derrube o líder',
  'tip.checkQuorum':
    'CheckQuorum (tese §6.2): um líder que não alcança uma maioria durante um tempo de eleição se retira; servidores que ouvem um líder ignoram os votos que o perturbariam',
  'tip.newRun': 'Iniciar uma nova execução (semente e tamanho do cluster)',
  'tip.speed': 'Tempo virtual por unidade de tempo real',
  'tip.time': 'Tempo virtual. Clique para ir a um instante exato.',
  'tip.timeInput': 'Ir ao tempo virtual em ms',
  'tip.toEnd': 'Voltar ao fim da linha do tempo (End)',
  'tip.stepBack': 'Voltar um evento (←)',
  'tip.pause': 'Pausar (Espaço)',
  'tip.play': 'Reproduzir (Espaço)',
  'tip.stepForward': 'Avançar um evento (→)',
  'tip.suspect':
    'Deixou um pedido expirar; seus redirecionamentos são ignorados até que ele responda (C-1)',
  'tip.tries': 'As novas tentativas reutilizam o mesmo seq, assim o comando roda uma vez (C-2)',
  'tip.commandExample': 'set x 1',
  'tip.commandSyntax': 'set C V · get C · del C · incr C · cas C ANTIGO NOVO',
  'tip.logNums':
    'commitIndex {commit}: confirmado até aqui (F2-S5); lastApplied {applied}: aplicado até aqui (F2-S6)',
  'tip.drop': 'Descartar esta mensagem agora, como faria uma falha de rede',
  'tip.alreadyLost': 'Já vai ser perdida',
  'tip.alreadyDelivered': 'Já foi entregue',
  'tip.peersCaption': 'Pares vistos por este {role}',
  'tip.nextIndex': 'Índice da próxima entrada a enviar (F2-S7)',
  'tip.matchIndex': 'Maior índice que se sabe replicado (F2-S8)',
  'tip.vote': 'Votos no mandato atual (F2-S9)',
  'tip.nextRpc': 'Quando a próxima RPC pode sair (uma pendente bloqueia até expirar)',
  'tip.heartbeat': 'Seguidores ociosos recebem um heartbeat com esta frequência (F2-L1)',
  'tip.lastSeq': 'Último pedido aplicado; uma nova tentativa dele é respondida daqui (C-2)',
  'tip.termShort': 'm{term}',
  'tip.leaderShort': 'L m{term}',
  'notice.leaderUp': 'Há um líder: seus heartbeats reiniciam todos os temporizadores (F2-F2).',
  'notice.fewTimers': 'Há menos de dois temporizadores de eleição rodando.',
  'notice.alreadySpread': 'Os temporizadores de eleição já estão separados.',
  'notice.spreadAhead': '{server} vai esgotar o temporizador {gap} ms antes dos outros.',
  'notice.splitNeedsTwo': 'Um empate de votos precisa de dois servidores vivos.',
  'notice.splitVote':
    'Todos os servidores vivos esgotam o temporizador ao mesmo tempo: um empate de votos (F2-T1).',
  'notice.noLeader': 'Não há nenhum líder para reiniciar.',
  'notice.noneCrashed': 'Nenhum servidor está parado.',
  'notice.startFailed': 'Não foi possível iniciar a execução: {reason}',
  'notice.oneGroup':
    'Coloque pelo menos um servidor em outro grupo (clique num servidor para mudá-lo).',
  'notice.openedAtStart':
    'Aberto “{title}”, pausado no início. Pressione Reproduzir para continuar.',
  'notice.openedAt': 'Aberto “{title}”, pausado em {time}. Pressione Reproduzir para continuar.',
  'notice.linkClosed': 'A partição fecha este link: use Reparar para unir os grupos.',
  'cmd.empty': 'Digite um comando, por exemplo set x 1',
  'cmd.unknown': 'Operação desconhecida “{op}”: use set, get, del, incr ou cas',
  'cmd.arity1': '{op} leva {n} palavra: {form}',
  'cmd.arity': '{op} leva {n} palavras: {form}',
  'cmd.words':
    'Chaves: de 1 a {key} e valores: de 1 a {value} caracteres entre A-Z a-z 0-9 _ . : / -',
  'cmd.tooLong':
    'No máximo {max} caracteres (este tem {n}), para que um link compartilhado possa levá-lo',
  'cmd.invalid': 'Não é um comando válido: {form}',
  'due.in': 'em {time}',
  'due.now': 'agora',
  'result.ok': 'ok (feito)',
  'result.nil': '(nil): a chave não existe',
  'result.fail': '{result}: não era o valor esperado, então nada mudou',
  'result.badCommand': 'error: bad command (não é um comando que o armazenamento conheça)',
  'result.stale': 'error: stale request (é anterior à última da sua sessão, então é ignorada)',
  'share.dialogTitle': 'Compartilhar esta execução',
  'share.close': 'Fechar',
  'share.noLink': 'Sem link: {error}',
  'share.summary':
    'Semente {seed}, {servers}, {actions}. Quem abrir o link verá esta mesma execução, evento por evento, {where}.',
  'share.server': '{n} servidor',
  'share.servers': '{n} servidores',
  'share.action': '{n} ação programada',
  'share.actions': '{n} ações programadas',
  'share.atStart': 'desde o início',
  'share.pausedAt': 'pausada em {time}',
  'share.link': 'Link',
  'share.linkLabel': 'Link para compartilhar',
  'share.copy': 'Copiar link',
  'share.length': '{n} caracteres',
  'share.copied': 'Copiado para a área de transferência.',
  'share.blocked':
    'Este navegador bloqueou a cópia: o link está selecionado na caixa acima, pressione Ctrl+C (⌘C num Mac).',
  'share.qr': 'Código QR',
  'share.qrLabel': 'Código QR do link para compartilhar',
  'share.qrFullLabel': 'Código QR do link para compartilhar, em tela cheia',
  'share.qrFull': 'QR em tela cheia',
  'share.qrDense':
    'Um link longo gera um código denso: mostre-o em tela cheia e escaneie a poucos metros.',
  'share.qrProjector':
    'Mostre-o em tela cheia num projetor: os celulares o escaneiam do fundo da sala.',
  'share.qrTooLong':
    'Este link é longo demais para um código QR ({n} caracteres; um código QR comporta no máximo {max}). Copie o link ou compartilhe a execução como arquivo.',
  'share.scan': 'Escaneie para abrir esta execução ({n} caracteres).',
  'share.file': 'Arquivo',
  'share.download': 'Baixar .json',
  'share.openFile': 'Abrir um arquivo .json…',
  'share.fileHint':
    'O arquivo guarda a execução desde o início (sem posição). Você também pode soltar um arquivo de cenário em qualquer lugar da página.',
  'share.dropTitle': 'Solte um arquivo de cenário (.json) para abri-lo',
  'share.dropHint':
    'Ele substitui a execução atual; um arquivo que não seja um cenário válido não muda nada.',
};
