/**
 * The rules' words: each rule's title and its one to three plain sentences, in every language of
 * the app (the IDs, groups and parsing are in rules.ts). The browser loads this catalogue after the
 * first paint (ruleTextsLazy.ts); Node and the offline single file read it at once (ruleTexts.ts).
 */
import type { Language } from '../scenarios/steps.ts';
import type { RuleCatalogue, RuleId, RuleText } from './rules.ts';

export const RULES_EN: RuleCatalogue = {
  'F2-S1': [
    'currentTerm',
    'The newest term the server has seen. It starts at 0, only ever grows, and is saved to disk so a restart keeps it.',
  ],
  'F2-S2': [
    'votedFor',
    'Who the server voted for in its current term, or nobody. Saved to disk: a server that forgot its vote could vote twice in one term.',
  ],
  'F2-S3': [
    'log[]',
    'The list of entries, each a command with the term in which a leader received it. The first index is 1. Saved to disk.',
  ],
  'F2-S4': [
    'Save before answering',
    'The term, the vote and the log are written to stable storage before the server answers an RPC, and a new entry counts towards a commit only once stored.',
  ],
  'F2-S5': [
    'commitIndex',
    'The highest index the server knows is committed. It only grows while the server runs; after a restart it starts again from 0 (or from its snapshot).',
  ],
  'F2-S6': [
    'lastApplied',
    'The highest index applied to the state machine. It never passes commitIndex and is exactly as durable as the state machine itself.',
  ],
  'F2-S7': [
    'nextIndex[]',
    'On a leader, for each follower: the index of the next entry to send it. Set to the leader’s last index + 1 when it wins, then moved back on refusals.',
  ],
  'F2-S8': [
    'matchIndex[]',
    'On a leader, for each follower: the highest index known to be copied there. Starts at 0 after each election and only grows.',
  ],
  'F2-S9': [
    'Other volatile state',
    'The role, the leader a server believes in, its timers and a candidate’s vote tally live in memory only and are lost in a crash.',
  ],
  'F2-A1': [
    'Apply in order',
    'Whenever commitIndex is ahead of lastApplied, the server applies the next entry, one index at a time, never skipping.',
  ],
  'F2-A2': [
    'A newer term wins',
    'Any message, request or reply, carrying a higher term makes the server adopt that term, forget its vote and become a follower; then it handles the message.',
  ],
  'F2-A3': [
    'Stale replies are ignored',
    'A reply to a vote request or an AppendEntries from another term than the current one is dropped, so old answers cannot be counted.',
  ],
  'F2-A4': [
    'Stale requests are refused',
    'A request from an older term is refused with the receiver’s term, which tells the sender it is behind.',
  ],
  'F2-RV1': [
    'Refuse older candidates',
    'A vote request whose term is below the voter’s own is refused.',
  ],
  'F2-RV2': [
    'Grant a vote',
    'A vote is granted only if the voter has not voted for someone else this term and the candidate’s log is at least as up to date: a later last term, or the same last term and a log at least as long.',
  ],
  'F2-RV3': [
    'Record the vote',
    'Granting a vote saves votedFor first and restarts the voter’s election timer.',
  ],
  'F2-RV4': [
    'A refusal changes no timer',
    'Refusing a vote leaves the election timer running, so a hopeless candidate cannot keep others from campaigning.',
  ],
  'F2-RV5': [
    'One vote per term',
    'votedFor is set once in a term (to the candidate or to itself as a candidate) and cleared only when the term moves on, never by heartbeats or restarts.',
  ],
  'F2-RV6': [
    'Votes for outsiders',
    'During a membership change a server still answers a candidate that is missing from its latest configuration.',
  ],
  'F2-AE1': [
    'Refuse older leaders',
    'An AppendEntries from a term below the follower’s own is refused.',
  ],
  'F2-AE2': [
    'Accept this term’s leader',
    'An AppendEntries of the current term comes from the rightful leader: a candidate gives up, the timer restarts and the server remembers who leads.',
  ],
  'F2-AE3': [
    'Consistency check',
    'The follower refuses unless its log holds an entry at prevLogIndex with term prevLogTerm. Index 0 always matches.',
  ],
  'F2-AE4': [
    'Delete only on conflict',
    'If an incoming entry has the same index as one in the log but another term, that entry and everything after it go. Without a conflict nothing is deleted.',
  ],
  'F2-AE5': [
    'Append new entries',
    'Entries of the request that the log does not hold yet are added at the end.',
  ],
  'F2-AE6': [
    'Follow the leader’s commit',
    'The follower moves commitIndex to the leader’s commit, but no further than the last entry this request checked (prevLogIndex + number of entries).',
  ],
  'F2-AE7': [
    'Commit never goes back',
    'A follower never lowers its commitIndex, even if a late or short request would suggest a smaller value.',
  ],
  'F2-AE8': [
    'Success sets matchIndex',
    'On success the leader sets the follower’s matchIndex to prevLogIndex + the entries of the request it sent, not to the follower’s log length.',
  ],
  'F2-AE9': [
    'Leaders from outside',
    'During a membership change a server accepts entries from a leader that is not in its latest configuration.',
  ],
  'F2-L1': [
    'Heartbeats',
    'A new leader sends empty AppendEntries to everyone at once and repeats them while idle, so nobody’s election timer runs out.',
  ],
  'F2-L2': [
    'Answer after applying',
    'A leader appends a client’s command to its own log and answers only once the entry has been applied.',
  ],
  'F2-L3': [
    'Send what is missing',
    'When a follower lacks entries, the leader sends them from nextIndex on, naming the entry just before them (prevLogIndex, prevLogTerm).',
  ],
  'F2-L4': [
    'Advance or back off',
    'On success the leader moves nextIndex and matchIndex forward; on a consistency refusal it moves nextIndex back and tries again.',
  ],
  'F2-L5': [
    'Commit rule',
    'A leader commits index N once a majority holds it and the entry at N is from the leader’s current term. Older entries are never committed by counting copies; they commit along with a newer one.',
  ],
  'F2-L6': ['A leader only appends', 'A leader never rewrites or deletes entries in its own log.'],
  'F2-L7': [
    'No-op at the start of a term',
    'A new leader appends an empty entry of its term, so earlier entries can commit soon and reads and membership changes can go ahead.',
  ],
  'F2-L8': [
    'Leaders do not time out',
    'A leader keeps leading until it sees a higher term, loses its majority (CheckQuorum), is removed or hands leadership over.',
  ],
  'F2-F1': [
    'Followers are passive',
    'A follower only answers leaders and candidates and sends clients to the leader it knows.',
  ],
  'F2-F2': [
    'Election timeout',
    'A follower that hears nothing from the current leader and grants no vote for a whole election timeout becomes a candidate.',
  ],
  'F2-T1': [
    'Random timeouts',
    'Each election timeout is drawn at random from a range (here the config’s electionTimeoutMs), anew every time, so split votes rarely repeat.',
  ],
  'F2-T2': [
    'Timing is for liveness only',
    'Messages should take much less than an election timeout, or leaders keep changing; but safety never depends on timing.',
  ],
  'F2-T3': [
    'An unreliable network',
    'Messages may be lost, delayed, reordered or delivered twice, so every RPC must be safe to receive more than once.',
  ],
  'F2-IS1': [
    'Refuse older snapshots',
    'An InstallSnapshot from a term below the receiver’s own is answered at once and ignored.',
  ],
  'F2-IS2': [
    'Chunks',
    'A snapshot arrives in chunks; each is written at its offset and answered, and the follower waits for the rest until the last one.',
  ],
  'F2-IS3': [
    'Keep the newest snapshot',
    'Once complete, the snapshot is saved and any older or partial one is discarded.',
  ],
  'F2-IS4': [
    'Keep what follows',
    'If the follower’s log holds the snapshot’s last entry (same index and term), the entries after it are kept.',
  ],
  'F2-IS5': [
    'Otherwise replace',
    'Otherwise the whole log is dropped, and the state machine and the configuration are loaded from the snapshot.',
  ],
  'F2-IS6': [
    'Snapshot committed entries',
    'Each server snapshots on its own, only entries it knows are committed; the snapshot records its last index and term, the configuration and the client sessions.',
  ],
  'F2-IS7': [
    'Send a snapshot when entries are gone',
    'A leader sends its snapshot only to a follower that needs entries it has already discarded; each chunk also counts as a sign of life.',
  ],
  'INV-ES': ['Election Safety', 'At most one leader is ever elected in a given term.'],
  'INV-LAO': [
    'Leader Append-Only',
    'While a server leads a term, its log only grows at the end: nothing is overwritten or removed.',
  ],
  'INV-LM': [
    'Log Matching',
    'If two logs have an entry with the same index and term, they are identical up to that index.',
  ],
  'INV-LC': [
    'Leader Completeness',
    'An entry committed in some term is in the log of every leader of every later term.',
  ],
  'INV-SMS': [
    'State Machine Safety',
    'No two servers ever apply different entries at the same index.',
  ],
  'INV-X1': [
    'Terms never decrease',
    'A server’s currentTerm never goes down, not even across a crash and restart.',
  ],
  'INV-X2': [
    'No entry from the future',
    'No entry in a server’s log has a term above the server’s current term.',
  ],
  'INV-X3': ['Entry terms are sorted', 'Along any log, entry terms never decrease.'],
  'INV-X4': [
    'commitIndex within the log',
    'A server never counts as committed an index its log (or snapshot) does not reach.',
  ],
  'INV-X5': [
    'Applied ≤ committed',
    'A server never applies an entry it does not know is committed.',
  ],
  'INV-X6': [
    'No going back',
    'commitIndex and lastApplied never decrease, except when a restart resets them.',
  ],
  'INV-X7': [
    'One vote per term',
    'Within one term a server’s vote only goes from nobody to one candidate.',
  ],
  'INV-X8': [
    'One candidate per voter and term',
    'Across crashes too, no server ever votes for two candidates in the same term.',
  ],
  'INV-X9': [
    'Committed prefixes agree',
    'The committed parts of any two servers’ logs agree: one is a prefix of the other.',
  ],
  'INV-X10': [
    'Every quorum holds what is committed',
    'Every majority of the configuration includes at least one server holding each committed entry, so any future leader can get it.',
  ],
  'INV-X11': [
    'No outdated log can win',
    'No server missing a committed entry has a log more up to date than a majority of voters, so it cannot be elected.',
  ],
  'INV-X14': [
    'Followers match up to matchIndex',
    'A follower of the leader’s term holds exactly the leader’s entries up to the matchIndex the leader keeps for it.',
  ],
  'INV-X15': [
    'One configuration change at a time',
    'A leader holds at most one uncommitted configuration entry and appends one only after committing an entry of its own term.',
  ],
  'INV-C1': [
    'Exactly once',
    'Each client command changes the state machine at most once; a retry gets the first answer again.',
  ],
  'INV-C2': [
    'Linearizable answers',
    'All the answers clients got fit one order of the operations that respects real time: no read returns stale data.',
  ],
  'C-1': [
    'Requests go to the leader',
    'A server that does not lead refuses a client’s request and tells it which leader it knows, if any.',
  ],
  'C-2': [
    'Client sessions',
    'Each client numbers its commands; the state machine remembers each client’s last number and answer, and answers a repeat from there without running it again.',
  ],
  'C-3': [
    'Session expiry',
    'Sessions may only expire in a way every server agrees on, driven by the log; a command from an unknown session gets an error.',
  ],
  'C-4': [
    'ReadIndex',
    'A read without a log entry: the leader waits for an entry of its term to commit, notes its commit index, confirms with one heartbeat round a majority answers, and answers once it has applied that far. A follower can ask the leader for that read index and answer itself.',
  ],
  'C-5': [
    'Lease reads',
    'After a majority answered, a leader may skip the heartbeat round for a while, because no other leader can exist yet. This relies on clocks and needs CheckQuorum.',
  ],
  'M-1': [
    'Configurations are log entries',
    'Each server uses the newest configuration in its log, committed or not; if that entry is deleted, it goes back to the one before.',
  ],
  'M-2': [
    'One server at a time',
    'A change adds or removes a single server, and the next change waits until the previous one is committed.',
  ],
  'M-3': [
    'Commit in your term first',
    'A new leader may not start a configuration change until it has committed an entry of its own term (the 2015 fix).',
  ],
  'M-4': [
    'Joint consensus',
    'For larger changes the leader first appends C_old,new: while it is in force, elections and commits need a majority of the old voters and a majority of the new ones. Then it appends C_new.',
  ],
  'M-5': [
    'Catch up first',
    'A new server first receives the log without voting, in rounds; it becomes a voter only once a round is quick, else the change is given up.',
  ],
  'M-6': [
    'Removing the leader',
    'A leader outside the new configuration keeps replicating without counting itself, and steps down once the new configuration commits.',
  ],
  'M-7': [
    'Disruptive servers',
    'A server that heard from a leader less than an election timeout ago ignores vote requests, so a removed server cannot depose it.',
  ],
  'X-PV': [
    'PreVote',
    'Before raising its term, a would-be candidate asks whether the others would vote for it. Nobody changes term, so a server back from a partition does not disturb the leader.',
  ],
  'X-CQ': [
    'CheckQuorum',
    'A leader that has not heard from a majority for an election timeout steps down; followers that hear a leader ignore vote requests.',
  ],
  'X-LT': [
    'Leadership transfer',
    'The leader stops taking requests, brings the target up to date and tells it to start an election now (TimeoutNow). It gives up after an election timeout.',
  ],
  'BUG-FIG8': [
    'Bug: commit old entries by counting',
    'Leaders commit entries of earlier terms once a majority holds them (the check on the entry’s term is gone), which Figure 8 of the paper shows to be unsafe.',
  ],
  'BUG-NOUPTODATE': [
    'Bug: vote without comparing logs',
    'Voters skip the up-to-date check, so a server missing committed entries can be elected.',
  ],
  'BUG-VOTEVOLATILE': [
    'Bug: forget the vote on restart',
    'votedFor is not saved, so a restarted server can vote a second time in the same term.',
  ],
  'BUG-VOTERESET': [
    'Bug: clear the vote on a heartbeat',
    'A heartbeat of the same term clears votedFor, so the server can vote again in that term.',
  ],
  'BUG-STALEVOTE': [
    'Bug: count old votes',
    'A candidate counts vote replies from an earlier term.',
  ],
  'BUG-TRUNC': [
    'Bug: truncate on every AppendEntries',
    'A follower deletes everything after the request’s entries even without a conflict, so a late request can erase acknowledged entries.',
  ],
  'BUG-COMMITLAST': [
    'Bug: commit up to the last entry',
    'A follower commits up to its own last index instead of the last entry the request checked.',
  ],
  'BUG-STALEAE': [
    'Bug: accept stale AppendEntries',
    'A follower accepts entries from a leader of an older term.',
  ],
  'BUG-NOSESSION': [
    'Bug: no client sessions',
    'Retried commands are run again, so an increment can count twice.',
  ],
  'BUG-DIRECTCONFIG': [
    'Bug: switch many servers at once',
    'A leader switches straight to a configuration that differs by more than one server, without joint consensus (the paper’s Figure 10).',
  ],
  'BUG-EARLYCONFIG': [
    'Bug: change before committing in the term',
    'A new leader appends a configuration change before committing an entry of its term.',
  ],
  'BUG-SELFCOUNT': [
    'Bug: a removed leader counts itself',
    'A leader outside the new configuration counts its own copy towards commits.',
  ],
  'BUG-LOCALREAD': [
    'Bug: read from local state',
    'A leader answers reads at once from its own state without confirming it still leads, so a deposed leader can return stale data.',
  ],
  'SC-01': [
    'Scenario: first election',
    'Empty logs; the first server to time out asks for votes, gets a majority and leads term 1.',
  ],
  'SC-02': [
    'Scenario: no majority',
    'With too many servers down, candidates keep trying in new terms and nobody can win.',
  ],
  'SC-04': [
    'Scenario: which logs win votes',
    'Cases of the up-to-date check: a later last term wins; with equal last terms, the longer or equal log wins.',
  ],
  'SC-06': [
    'Scenario: split vote',
    'Two candidates in one term split the votes; random timeouts let one of them try again first and win.',
  ],
  'SC-13': [
    'Scenario: normal replication',
    'The leader appends a command, copies it to a majority, commits it, applies it and answers.',
  ],
  'SC-15': [
    'Scenario: Figure 7',
    'Followers whose logs miss entries or hold extra ones are brought back to the leader’s log.',
  ],
  'SC-16': [
    'Scenario: Figure 8',
    'Why a leader may not commit an entry of an older term by counting copies: another leader can still overwrite it.',
  ],
  'SC-18': [
    'Scenario: stale leader in a minority',
    'An old leader cut off with a minority accepts requests but can never commit them.',
  ],
  'SC-19': [
    'Scenario: two leaders, two terms',
    'During a partition two leaders exist in different terms; the old one’s entries are overwritten after healing.',
  ],
  'SC-21': [
    'Scenario: crash and restart',
    'A server crashes and comes back with its term, vote and log, then catches up.',
  ],
  'SC-22': [
    'Scenario: a rejoining server disrupts',
    'Without PreVote, a server back from isolation with a high term forces an election.',
  ],
  'SC-23': [
    'Scenario: PreVote prevents it',
    'With PreVote the returning server first asks, is told no, and the leader stays.',
  ],
  'SC-26': [
    'Scenario: votes refused near a leader',
    'Servers that heard from a leader recently ignore vote requests.',
  ],
  'SC-29': [
    'Scenario: exactly once across a crash',
    'A client retries a command after the leader crashed; the session makes sure it runs once.',
  ],
  'SC-30': [
    'Scenario: retry of a lost request',
    'A request lost with an old leader is retried with the same number and runs once.',
  ],
  'SC-32': [
    'Scenario: no stale read',
    'A leader cut off from the majority must not answer reads from its old state.',
  ],
  'SC-33': [
    'Scenario: add a server',
    'A new server catches up as a non-voter, then the leader adds it to the configuration.',
  ],
  'SC-34': [
    'Scenario: remove a follower',
    'After a follower is removed, pending entries commit with the smaller majority.',
  ],
  'SC-35': [
    'Scenario: joint consensus 3 → 5',
    'Going from three to five voters through C_old,new: commits need both majorities until C_new takes over.',
  ],
  'SC-36': [
    'Scenario: Figure 10',
    'Switching several servers at once lets two leaders win the same term; joint consensus prevents it.',
  ],
  'SC-37': [
    'Scenario: remove the leader',
    'The leader removes itself, keeps replicating without counting itself, and steps down when C_new commits.',
  ],
  'SC-38': [
    'Scenario: removed server cannot disrupt',
    'A removed server keeps timing out, but members who hear their leader ignore it.',
  ],
  'SC-39': [
    'Scenario: the single-server change bug',
    'A configuration change started before the new leader committed in its term loses a committed entry; the fix (M-3) prevents it.',
  ],
  'SC-42': [
    'Scenario: snapshot to a lagging follower',
    'A follower that was away too long gets the leader’s snapshot, then the entries after it.',
  ],
  'SC-44': [
    'Scenario: transfer to a follower needing a snapshot',
    'Leadership moves only after the target has installed the snapshot.',
  ],
  'SC-45': [
    'Scenario: transfer to an up-to-date follower',
    'The leader sends TimeoutNow; the target wins the next term at once.',
  ],
  'SC-46': [
    'Scenario: transfer to a lagging follower',
    'The leader first sends the missing entries, then TimeoutNow.',
  ],
  'SC-49': [
    'Scenario: fuzzing',
    'Many random runs with faults, every invariant checked after every step.',
  ],
  'TRACE-HASH': [
    'Trace hash',
    'A digest of every event of the run so far. Two runs with the same hash went exactly the same way, event for event; a share link replays to the same hash in any browser.',
  ],
};

export const RULES_ES: RuleCatalogue = {
  'F2-S1': [
    'currentTerm',
    'El mandato más reciente que el servidor ha visto. Empieza en 0, solo crece y se guarda en disco, así que un reinicio lo conserva.',
  ],
  'F2-S2': [
    'votedFor',
    'A quién votó el servidor en su mandato actual, o a nadie. Se guarda en disco: un servidor que olvidara su voto podría votar dos veces en un mandato.',
  ],
  'F2-S3': [
    'log[]',
    'La lista de entradas, cada una un comando con el mandato en que un líder la recibió. El primer índice es 1. Se guarda en disco.',
  ],
  'F2-S4': [
    'Guardar antes de responder',
    'El mandato, el voto y el registro se escriben en almacenamiento estable antes de responder a una RPC, y una entrada nueva solo cuenta para confirmar una vez guardada.',
  ],
  'F2-S5': [
    'commitIndex',
    'El índice más alto que el servidor sabe confirmado. Solo crece mientras el servidor funciona; tras un reinicio vuelve a empezar en 0 (o en su instantánea).',
  ],
  'F2-S6': [
    'lastApplied',
    'El índice más alto aplicado a la máquina de estados. Nunca supera commitIndex y es tan duradero como la propia máquina de estados.',
  ],
  'F2-S7': [
    'nextIndex[]',
    'En un líder, para cada seguidor: el índice de la próxima entrada que enviarle. Al ganar vale el último índice del líder + 1 y retrocede con cada rechazo.',
  ],
  'F2-S8': [
    'matchIndex[]',
    'En un líder, para cada seguidor: el índice más alto que se sabe copiado allí. Empieza en 0 tras cada elección y solo crece.',
  ],
  'F2-S9': [
    'Otro estado volátil',
    'El rol, el líder en que cree el servidor, sus temporizadores y el recuento de votos de un candidato viven solo en memoria y se pierden en una caída.',
  ],
  'F2-A1': [
    'Aplicar en orden',
    'Cuando commitIndex va por delante de lastApplied, el servidor aplica la siguiente entrada, un índice cada vez, sin saltarse ninguno.',
  ],
  'F2-A2': [
    'Gana el mandato más nuevo',
    'Cualquier mensaje, petición o respuesta, con un mandato mayor hace que el servidor adopte ese mandato, olvide su voto y pase a seguidor; después atiende el mensaje.',
  ],
  'F2-A3': [
    'Se ignoran respuestas viejas',
    'Una respuesta a una petición de voto o a un AppendEntries de otro mandato distinto del actual se descarta, así que no se cuentan respuestas antiguas.',
  ],
  'F2-A4': [
    'Se rechazan peticiones viejas',
    'Una petición de un mandato anterior se rechaza con el mandato del receptor, lo que avisa al emisor de que va atrasado.',
  ],
  'F2-RV1': [
    'Rechazar candidatos atrasados',
    'Se rechaza una petición de voto cuyo mandato es menor que el del votante.',
  ],
  'F2-RV2': [
    'Conceder el voto',
    'Solo se vota si el votante no votó a otro en este mandato y el registro del candidato está al menos tan al día: un último mandato mayor, o el mismo y un registro al menos igual de largo.',
  ],
  'F2-RV3': [
    'Anotar el voto',
    'Al conceder un voto se guarda primero votedFor y se reinicia el temporizador de elección del votante.',
  ],
  'F2-RV4': [
    'Un rechazo no toca el temporizador',
    'Negar un voto deja correr el temporizador de elección, así un candidato sin opciones no impide que otros se presenten.',
  ],
  'F2-RV5': [
    'Un voto por mandato',
    'votedFor se fija una vez por mandato (al candidato, o a sí mismo al presentarse) y solo se borra cuando avanza el mandato, nunca por latidos ni reinicios.',
  ],
  'F2-RV6': [
    'Votos a externos',
    'Durante un cambio de miembros, un servidor sigue respondiendo a un candidato que falta en su configuración más reciente.',
  ],
  'F2-AE1': [
    'Rechazar líderes atrasados',
    'Se rechaza un AppendEntries de un mandato menor que el del seguidor.',
  ],
  'F2-AE2': [
    'Aceptar al líder del mandato',
    'Un AppendEntries del mandato actual viene del líder legítimo: un candidato desiste, el temporizador se reinicia y el servidor recuerda quién lidera.',
  ],
  'F2-AE3': [
    'Comprobación de coherencia',
    'El seguidor rechaza salvo que su registro tenga en prevLogIndex una entrada de mandato prevLogTerm. El índice 0 siempre coincide.',
  ],
  'F2-AE4': [
    'Borrar solo si hay conflicto',
    'Si una entrada recibida tiene el mismo índice que una del registro pero otro mandato, se borran esa y todas las siguientes. Sin conflicto no se borra nada.',
  ],
  'F2-AE5': [
    'Añadir las entradas nuevas',
    'Las entradas de la petición que el registro aún no tiene se añaden al final.',
  ],
  'F2-AE6': [
    'Seguir la confirmación del líder',
    'El seguidor lleva commitIndex hasta el del líder, pero no más allá de la última entrada que esta petición comprobó (prevLogIndex + número de entradas).',
  ],
  'F2-AE7': [
    'Confirmar nunca retrocede',
    'Un seguidor nunca baja su commitIndex, aunque una petición tardía o corta sugiera un valor menor.',
  ],
  'F2-AE8': [
    'El éxito fija matchIndex',
    'Con éxito, el líder fija el matchIndex del seguidor en prevLogIndex + las entradas de la petición que envió, no en la longitud del registro del seguidor.',
  ],
  'F2-AE9': [
    'Líderes de fuera',
    'Durante un cambio de miembros, un servidor acepta entradas de un líder que no está en su configuración más reciente.',
  ],
  'F2-L1': [
    'Latidos',
    'Un líder nuevo envía enseguida AppendEntries vacíos a todos y los repite mientras no hay trabajo, para que no se agote ningún temporizador de elección.',
  ],
  'F2-L2': [
    'Responder tras aplicar',
    'Un líder añade el comando del cliente a su registro y solo responde cuando la entrada se ha aplicado.',
  ],
  'F2-L3': [
    'Enviar lo que falta',
    'Si a un seguidor le faltan entradas, el líder se las envía desde nextIndex, nombrando la entrada justo anterior (prevLogIndex, prevLogTerm).',
  ],
  'F2-L4': [
    'Avanzar o retroceder',
    'Con éxito el líder adelanta nextIndex y matchIndex; si la coherencia falla, retrocede nextIndex y vuelve a intentarlo.',
  ],
  'F2-L5': [
    'Regla de confirmación',
    'Un líder confirma el índice N cuando una mayoría lo tiene y la entrada N es de su mandato actual. Las entradas antiguas nunca se confirman contando copias; se confirman junto con una más nueva.',
  ],
  'F2-L6': [
    'Un líder solo añade',
    'Un líder nunca reescribe ni borra entradas de su propio registro.',
  ],
  'F2-L7': [
    'No-op al empezar el mandato',
    'Un líder nuevo añade una entrada vacía de su mandato, para que las anteriores se confirmen pronto y puedan seguir las lecturas y los cambios de miembros.',
  ],
  'F2-L8': [
    'Los líderes no agotan su tiempo',
    'Un líder sigue liderando hasta que ve un mandato mayor, pierde su mayoría (CheckQuorum), es retirado o cede el liderazgo.',
  ],
  'F2-F1': [
    'Los seguidores son pasivos',
    'Un seguidor solo responde a líderes y candidatos, y envía a los clientes al líder que conoce.',
  ],
  'F2-F2': [
    'Tiempo de elección agotado',
    'Un seguidor que en todo un tiempo de elección no sabe nada del líder actual ni concede un voto pasa a candidato.',
  ],
  'F2-T1': [
    'Tiempos aleatorios',
    'Cada tiempo de elección se sortea dentro de un intervalo (aquí electionTimeoutMs de la configuración), de nuevo cada vez, así que los empates rara vez se repiten.',
  ],
  'F2-T2': [
    'El tiempo solo afecta al progreso',
    'Los mensajes deben tardar mucho menos que un tiempo de elección o los líderes cambiarán sin parar; pero la seguridad nunca depende del tiempo.',
  ],
  'F2-T3': [
    'Una red poco fiable',
    'Los mensajes pueden perderse, retrasarse, desordenarse o llegar dos veces, así que recibir una RPC más de una vez debe ser inofensivo.',
  ],
  'F2-IS1': [
    'Rechazar instantáneas atrasadas',
    'Un InstallSnapshot de un mandato menor que el del receptor se responde enseguida y se ignora.',
  ],
  'F2-IS2': [
    'Fragmentos',
    'Una instantánea llega en fragmentos; cada uno se escribe en su posición y se responde, y el seguidor espera el resto hasta el último.',
  ],
  'F2-IS3': [
    'Quedarse con la más nueva',
    'Completa la instantánea, se guarda y se descarta cualquier otra más antigua o a medias.',
  ],
  'F2-IS4': [
    'Conservar lo que sigue',
    'Si el registro del seguidor tiene la última entrada de la instantánea (mismo índice y mandato), se conservan las entradas posteriores.',
  ],
  'F2-IS5': [
    'Si no, reemplazar',
    'Si no, se descarta todo el registro y la máquina de estados y la configuración se cargan desde la instantánea.',
  ],
  'F2-IS6': [
    'Instantáneas de lo confirmado',
    'Cada servidor hace sus instantáneas por su cuenta, solo de entradas que sabe confirmadas; guardan su último índice y mandato, la configuración y las sesiones de clientes.',
  ],
  'F2-IS7': [
    'Instantánea cuando faltan entradas',
    'Un líder solo envía su instantánea a un seguidor que necesita entradas ya descartadas; cada fragmento cuenta también como señal de vida.',
  ],
  'INV-ES': ['Seguridad de la elección', 'Como mucho se elige un líder en cada mandato.'],
  'INV-LAO': [
    'El líder solo añade',
    'Mientras un servidor lidera un mandato, su registro solo crece por el final: nada se sobrescribe ni se quita.',
  ],
  'INV-LM': [
    'Coincidencia de registros',
    'Si dos registros tienen una entrada con el mismo índice y mandato, son idénticos hasta ese índice.',
  ],
  'INV-LC': [
    'Completitud del líder',
    'Una entrada confirmada en un mandato está en el registro de todo líder de cualquier mandato posterior.',
  ],
  'INV-SMS': [
    'Seguridad de la máquina de estados',
    'Nunca dos servidores aplican entradas distintas en el mismo índice.',
  ],
  'INV-X1': [
    'Los mandatos nunca bajan',
    'El currentTerm de un servidor nunca disminuye, ni siquiera tras caerse y reiniciarse.',
  ],
  'INV-X2': [
    'Ninguna entrada del futuro',
    'Ninguna entrada del registro de un servidor tiene un mandato mayor que el actual del servidor.',
  ],
  'INV-X3': [
    'Mandatos ordenados',
    'A lo largo de cualquier registro, los mandatos de las entradas nunca bajan.',
  ],
  'INV-X4': [
    'commitIndex dentro del registro',
    'Un servidor nunca da por confirmado un índice al que no llega su registro (o su instantánea).',
  ],
  'INV-X5': [
    'Aplicado ≤ confirmado',
    'Un servidor nunca aplica una entrada que no sabe confirmada.',
  ],
  'INV-X6': [
    'Sin vuelta atrás',
    'commitIndex y lastApplied nunca bajan, salvo cuando un reinicio los pone a cero.',
  ],
  'INV-X7': [
    'Un voto por mandato',
    'Dentro de un mandato, el voto de un servidor solo pasa de nadie a un candidato.',
  ],
  'INV-X8': [
    'Un candidato por votante y mandato',
    'Incluso a través de caídas, ningún servidor vota a dos candidatos en el mismo mandato.',
  ],
  'INV-X9': [
    'Los prefijos confirmados coinciden',
    'Las partes confirmadas de dos registros cualesquiera coinciden: una es prefijo de la otra.',
  ],
  'INV-X10': [
    'Todo quórum guarda lo confirmado',
    'Toda mayoría de la configuración incluye al menos un servidor con cada entrada confirmada, así que cualquier líder futuro puede obtenerla.',
  ],
  'INV-X11': [
    'Un registro atrasado no puede ganar',
    'Ningún servidor al que le falte una entrada confirmada tiene un registro más al día que una mayoría de votantes, así que no puede ser elegido.',
  ],
  'INV-X14': [
    'Los seguidores coinciden hasta matchIndex',
    'Un seguidor del mandato del líder tiene exactamente las entradas del líder hasta el matchIndex que el líder guarda para él.',
  ],
  'INV-X15': [
    'Un cambio de configuración a la vez',
    'Un líder tiene como mucho una entrada de configuración sin confirmar y solo añade una tras confirmar una entrada de su propio mandato.',
  ],
  'INV-C1': [
    'Exactamente una vez',
    'Cada comando de cliente cambia la máquina de estados como mucho una vez; un reintento recibe de nuevo la primera respuesta.',
  ],
  'INV-C2': [
    'Respuestas linealizables',
    'Todas las respuestas de los clientes encajan en un orden de las operaciones que respeta el tiempo real: ninguna lectura devuelve datos viejos.',
  ],
  'C-1': [
    'Las peticiones van al líder',
    'Un servidor que no lidera rechaza la petición del cliente y le dice qué líder conoce, si conoce alguno.',
  ],
  'C-2': [
    'Sesiones de cliente',
    'Cada cliente numera sus comandos; la máquina de estados recuerda el último número y respuesta de cada cliente y responde a una repetición desde ahí sin ejecutarla otra vez.',
  ],
  'C-3': [
    'Caducidad de sesiones',
    'Las sesiones solo pueden caducar de una forma en que todos los servidores coincidan, guiada por el registro; un comando de una sesión desconocida recibe un error.',
  ],
  'C-4': [
    'ReadIndex',
    'Una lectura sin entrada en el registro: el líder espera a confirmar una entrada de su mandato, anota su índice de confirmación, lo verifica con una ronda de latidos que responde una mayoría y contesta cuando ha aplicado hasta ahí. Un seguidor puede pedir ese índice de lectura al líder y contestar él mismo.',
  ],
  'C-5': [
    'Lecturas con arrendamiento',
    'Tras responder una mayoría, un líder puede saltarse la ronda de latidos durante un tiempo, porque aún no puede existir otro líder. Depende de los relojes y necesita CheckQuorum.',
  ],
  'M-1': [
    'Las configuraciones son entradas',
    'Cada servidor usa la configuración más reciente de su registro, confirmada o no; si esa entrada se borra, vuelve a la anterior.',
  ],
  'M-2': [
    'Un servidor cada vez',
    'Un cambio añade o quita un solo servidor, y el siguiente espera a que el anterior esté confirmado.',
  ],
  'M-3': [
    'Primero confirmar en tu mandato',
    'Un líder nuevo no puede empezar un cambio de configuración hasta confirmar una entrada de su propio mandato (la corrección de 2015).',
  ],
  'M-4': [
    'Consenso conjunto',
    'Para cambios mayores el líder añade primero C_old,new: mientras rige, elegir y confirmar exigen mayoría de los votantes antiguos y mayoría de los nuevos. Después añade C_new.',
  ],
  'M-5': [
    'Ponerse al día primero',
    'Un servidor nuevo recibe primero el registro sin votar, por rondas; solo pasa a votante cuando una ronda es rápida, si no el cambio se abandona.',
  ],
  'M-6': [
    'Quitar al líder',
    'Un líder que no está en la nueva configuración sigue replicando sin contarse a sí mismo y deja de liderar cuando la nueva configuración se confirma.',
  ],
  'M-7': [
    'Servidores disruptivos',
    'Un servidor que supo de un líder hace menos de un tiempo de elección ignora las peticiones de voto, así que un servidor retirado no puede derrocarlo.',
  ],
  'X-PV': [
    'PreVote',
    'Antes de subir su mandato, un aspirante pregunta si los demás le votarían. Nadie cambia de mandato, así que un servidor que vuelve de una partición no molesta al líder.',
  ],
  'X-CQ': [
    'CheckQuorum',
    'Un líder que no sabe de una mayoría durante un tiempo de elección deja de liderar; los seguidores que oyen a un líder ignoran las peticiones de voto.',
  ],
  'X-LT': [
    'Transferencia de liderazgo',
    'El líder deja de aceptar peticiones, pone al día al destino y le pide que empiece una elección ya (TimeoutNow). Desiste tras un tiempo de elección.',
  ],
  'BUG-FIG8': [
    'Error: confirmar entradas viejas contando',
    'Los líderes confirman entradas de mandatos anteriores en cuanto una mayoría las tiene (falta la comprobación del mandato de la entrada), algo que la Figura 8 del artículo muestra inseguro.',
  ],
  'BUG-NOUPTODATE': [
    'Error: votar sin comparar registros',
    'Los votantes se saltan la comprobación de registro al día, así que puede ganar un servidor al que le faltan entradas confirmadas.',
  ],
  'BUG-VOTEVOLATILE': [
    'Error: olvidar el voto al reiniciar',
    'votedFor no se guarda, así que un servidor reiniciado puede votar otra vez en el mismo mandato.',
  ],
  'BUG-VOTERESET': [
    'Error: borrar el voto con un latido',
    'Un latido del mismo mandato borra votedFor, así que el servidor puede volver a votar en ese mandato.',
  ],
  'BUG-STALEVOTE': [
    'Error: contar votos viejos',
    'Un candidato cuenta respuestas de voto de un mandato anterior.',
  ],
  'BUG-TRUNC': [
    'Error: truncar en cada AppendEntries',
    'Un seguidor borra todo lo que sigue a las entradas de la petición aunque no haya conflicto, así que una petición tardía puede borrar entradas ya confirmadas.',
  ],
  'BUG-COMMITLAST': [
    'Error: confirmar hasta la última entrada',
    'Un seguidor confirma hasta su propio último índice en vez de hasta la última entrada que comprobó la petición.',
  ],
  'BUG-STALEAE': [
    'Error: aceptar AppendEntries viejos',
    'Un seguidor acepta entradas de un líder de un mandato anterior.',
  ],
  'BUG-NOSESSION': [
    'Error: sin sesiones de cliente',
    'Los comandos reintentados se ejecutan otra vez, así que un incremento puede contar doble.',
  ],
  'BUG-DIRECTCONFIG': [
    'Error: cambiar varios servidores de golpe',
    'Un líder pasa directamente a una configuración que difiere en más de un servidor, sin consenso conjunto (la Figura 10 del artículo).',
  ],
  'BUG-EARLYCONFIG': [
    'Error: cambiar antes de confirmar en el mandato',
    'Un líder nuevo añade un cambio de configuración antes de confirmar una entrada de su mandato.',
  ],
  'BUG-SELFCOUNT': [
    'Error: un líder retirado se cuenta',
    'Un líder fuera de la nueva configuración cuenta su propia copia para confirmar.',
  ],
  'BUG-LOCALREAD': [
    'Error: leer del estado local',
    'Un líder responde lecturas al instante desde su propio estado sin comprobar que sigue liderando, así que un líder depuesto puede devolver datos viejos.',
  ],
  'SC-01': [
    'Escenario: primera elección',
    'Registros vacíos; el primer servidor cuyo tiempo se agota pide votos, obtiene mayoría y lidera el mandato 1.',
  ],
  'SC-02': [
    'Escenario: sin mayoría',
    'Con demasiados servidores caídos, los candidatos lo intentan en mandatos nuevos y nadie puede ganar.',
  ],
  'SC-04': [
    'Escenario: qué registros ganan votos',
    'Casos de la comprobación de registro al día: gana un último mandato mayor; con el mismo último mandato, gana el registro más largo o igual.',
  ],
  'SC-06': [
    'Escenario: voto dividido',
    'Dos candidatos en un mandato se reparten los votos; los tiempos aleatorios hacen que uno vuelva a intentarlo antes y gane.',
  ],
  'SC-13': [
    'Escenario: replicación normal',
    'El líder añade un comando, lo copia a una mayoría, lo confirma, lo aplica y responde.',
  ],
  'SC-15': [
    'Escenario: Figura 7',
    'Seguidores a cuyos registros les faltan entradas o les sobran vuelven al registro del líder.',
  ],
  'SC-16': [
    'Escenario: Figura 8',
    'Por qué un líder no puede confirmar una entrada de un mandato anterior contando copias: otro líder aún puede sobrescribirla.',
  ],
  'SC-18': [
    'Escenario: líder viejo en minoría',
    'Un líder antiguo aislado con una minoría acepta peticiones pero nunca puede confirmarlas.',
  ],
  'SC-19': [
    'Escenario: dos líderes, dos mandatos',
    'Durante una partición hay dos líderes en mandatos distintos; las entradas del viejo se sobrescriben al reparar la red.',
  ],
  'SC-21': [
    'Escenario: caída y reinicio',
    'Un servidor se cae y vuelve con su mandato, su voto y su registro, y se pone al día.',
  ],
  'SC-22': [
    'Escenario: un servidor que vuelve molesta',
    'Sin PreVote, un servidor que vuelve del aislamiento con un mandato alto fuerza una elección.',
  ],
  'SC-23': [
    'Escenario: PreVote lo evita',
    'Con PreVote el servidor que vuelve pregunta primero, le dicen que no y el líder sigue.',
  ],
  'SC-26': [
    'Escenario: votos negados cerca de un líder',
    'Los servidores que supieron de un líder hace poco ignoran las peticiones de voto.',
  ],
  'SC-29': [
    'Escenario: una sola vez pese a una caída',
    'Un cliente reintenta un comando tras caerse el líder; la sesión garantiza que se ejecuta una vez.',
  ],
  'SC-30': [
    'Escenario: reintento de una petición perdida',
    'Una petición perdida con un líder viejo se reintenta con el mismo número y se ejecuta una vez.',
  ],
  'SC-32': [
    'Escenario: ninguna lectura vieja',
    'Un líder aislado de la mayoría no debe responder lecturas desde su estado antiguo.',
  ],
  'SC-33': [
    'Escenario: añadir un servidor',
    'Un servidor nuevo se pone al día sin votar y luego el líder lo añade a la configuración.',
  ],
  'SC-34': [
    'Escenario: quitar un seguidor',
    'Tras quitar un seguidor, las entradas pendientes se confirman con la mayoría más pequeña.',
  ],
  'SC-35': [
    'Escenario: consenso conjunto 3 → 5',
    'De tres a cinco votantes pasando por C_old,new: confirmar exige ambas mayorías hasta que rige C_new.',
  ],
  'SC-36': [
    'Escenario: Figura 10',
    'Cambiar varios servidores de golpe deja ganar el mismo mandato a dos líderes; el consenso conjunto lo impide.',
  ],
  'SC-37': [
    'Escenario: quitar al líder',
    'El líder se quita a sí mismo, sigue replicando sin contarse y deja de liderar cuando C_new se confirma.',
  ],
  'SC-38': [
    'Escenario: un servidor retirado no molesta',
    'Un servidor retirado sigue agotando su tiempo, pero los miembros que oyen a su líder lo ignoran.',
  ],
  'SC-39': [
    'Escenario: el error del cambio de un servidor',
    'Un cambio de configuración empezado antes de que el nuevo líder confirme en su mandato pierde una entrada confirmada; la corrección (M-3) lo evita.',
  ],
  'SC-42': [
    'Escenario: instantánea a un seguidor atrasado',
    'Un seguidor que estuvo fuera demasiado tiempo recibe la instantánea del líder y luego las entradas siguientes.',
  ],
  'SC-44': [
    'Escenario: transferir a quien necesita una instantánea',
    'El liderazgo pasa solo cuando el destino ha instalado la instantánea.',
  ],
  'SC-45': [
    'Escenario: transferir a un seguidor al día',
    'El líder envía TimeoutNow; el destino gana enseguida el mandato siguiente.',
  ],
  'SC-46': [
    'Escenario: transferir a un seguidor atrasado',
    'El líder envía primero las entradas que faltan y luego TimeoutNow.',
  ],
  'SC-49': [
    'Escenario: pruebas aleatorias',
    'Muchas ejecuciones aleatorias con fallos, comprobando cada invariante tras cada paso.',
  ],
  'TRACE-HASH': [
    'Hash de la traza',
    'Un resumen de todos los eventos de la ejecución hasta ahora. Dos ejecuciones con el mismo hash fueron exactamente iguales, evento a evento; un enlace compartido reproduce el mismo hash en cualquier navegador.',
  ],
};

export const RULES_PT: RuleCatalogue = {
  'F2-S1': [
    'currentTerm',
    'O mandato mais recente que o servidor já viu. Começa em 0, só cresce e é gravado em disco, então um reinício o mantém.',
  ],
  'F2-S2': [
    'votedFor',
    'Em quem o servidor votou no mandato atual, ou em ninguém. Gravado em disco: um servidor que esquecesse o voto poderia votar duas vezes no mesmo mandato.',
  ],
  'F2-S3': [
    'log[]',
    'A lista de entradas, cada uma um comando com o mandato em que um líder a recebeu. O primeiro índice é 1. Gravado em disco.',
  ],
  'F2-S4': [
    'Gravar antes de responder',
    'O mandato, o voto e o log são gravados em armazenamento estável antes de responder a uma RPC, e uma entrada nova só conta para confirmar depois de gravada.',
  ],
  'F2-S5': [
    'commitIndex',
    'O maior índice que o servidor sabe estar confirmado. Só cresce enquanto o servidor roda; depois de um reinício recomeça em 0 (ou no seu snapshot).',
  ],
  'F2-S6': [
    'lastApplied',
    'O maior índice aplicado à máquina de estados. Nunca passa de commitIndex e é tão durável quanto a própria máquina de estados.',
  ],
  'F2-S7': [
    'nextIndex[]',
    'Num líder, para cada seguidor: o índice da próxima entrada a enviar. Ao vencer vale o último índice do líder + 1 e recua a cada recusa.',
  ],
  'F2-S8': [
    'matchIndex[]',
    'Num líder, para cada seguidor: o maior índice que se sabe copiado lá. Começa em 0 após cada eleição e só cresce.',
  ],
  'F2-S9': [
    'Outro estado volátil',
    'O papel, o líder em que o servidor acredita, seus temporizadores e a contagem de votos de um candidato ficam só na memória e se perdem numa queda.',
  ],
  'F2-A1': [
    'Aplicar em ordem',
    'Sempre que commitIndex está à frente de lastApplied, o servidor aplica a próxima entrada, um índice por vez, sem pular nenhum.',
  ],
  'F2-A2': [
    'O mandato mais novo vence',
    'Qualquer mensagem, pedido ou resposta, com um mandato maior faz o servidor adotar esse mandato, esquecer o voto e virar seguidor; depois ele trata a mensagem.',
  ],
  'F2-A3': [
    'Respostas antigas são ignoradas',
    'Uma resposta a um pedido de voto ou a um AppendEntries de outro mandato que não o atual é descartada, então respostas velhas não são contadas.',
  ],
  'F2-A4': [
    'Pedidos antigos são recusados',
    'Um pedido de um mandato anterior é recusado com o mandato do receptor, o que avisa o remetente de que está atrasado.',
  ],
  'F2-RV1': [
    'Recusar candidatos atrasados',
    'Um pedido de voto com mandato menor que o do eleitor é recusado.',
  ],
  'F2-RV2': [
    'Conceder o voto',
    'O voto só é dado se o eleitor não votou em outro neste mandato e o log do candidato está pelo menos tão atualizado: um último mandato maior, ou o mesmo e um log pelo menos do mesmo tamanho.',
  ],
  'F2-RV3': [
    'Registrar o voto',
    'Ao conceder um voto, votedFor é gravado primeiro e o temporizador de eleição do eleitor recomeça.',
  ],
  'F2-RV4': [
    'Uma recusa não mexe no temporizador',
    'Negar um voto deixa o temporizador de eleição correndo, assim um candidato sem chance não impede que outros se candidatem.',
  ],
  'F2-RV5': [
    'Um voto por mandato',
    'votedFor é definido uma vez por mandato (para o candidato, ou para si mesmo ao se candidatar) e só é apagado quando o mandato avança, nunca por heartbeats nem reinícios.',
  ],
  'F2-RV6': [
    'Votos para quem está fora',
    'Durante uma mudança de membros, um servidor continua respondendo a um candidato que não está na sua configuração mais recente.',
  ],
  'F2-AE1': [
    'Recusar líderes atrasados',
    'Um AppendEntries de um mandato menor que o do seguidor é recusado.',
  ],
  'F2-AE2': [
    'Aceitar o líder do mandato',
    'Um AppendEntries do mandato atual vem do líder legítimo: um candidato desiste, o temporizador recomeça e o servidor lembra quem lidera.',
  ],
  'F2-AE3': [
    'Verificação de consistência',
    'O seguidor recusa a menos que seu log tenha em prevLogIndex uma entrada de mandato prevLogTerm. O índice 0 sempre coincide.',
  ],
  'F2-AE4': [
    'Apagar só em conflito',
    'Se uma entrada recebida tem o mesmo índice de uma do log mas outro mandato, essa e todas as seguintes são apagadas. Sem conflito nada é apagado.',
  ],
  'F2-AE5': [
    'Anexar as entradas novas',
    'As entradas do pedido que o log ainda não tem são acrescentadas no fim.',
  ],
  'F2-AE6': [
    'Seguir a confirmação do líder',
    'O seguidor leva commitIndex até o do líder, mas não além da última entrada que este pedido verificou (prevLogIndex + número de entradas).',
  ],
  'F2-AE7': [
    'Confirmar nunca retrocede',
    'Um seguidor nunca reduz seu commitIndex, mesmo que um pedido atrasado ou curto sugira um valor menor.',
  ],
  'F2-AE8': [
    'O sucesso define matchIndex',
    'Com sucesso, o líder define o matchIndex do seguidor como prevLogIndex + as entradas do pedido que enviou, não como o tamanho do log do seguidor.',
  ],
  'F2-AE9': [
    'Líderes de fora',
    'Durante uma mudança de membros, um servidor aceita entradas de um líder que não está na sua configuração mais recente.',
  ],
  'F2-L1': [
    'Heartbeats',
    'Um líder novo envia logo AppendEntries vazios a todos e os repete quando ocioso, para que nenhum temporizador de eleição se esgote.',
  ],
  'F2-L2': [
    'Responder depois de aplicar',
    'Um líder anexa o comando do cliente ao próprio log e só responde quando a entrada foi aplicada.',
  ],
  'F2-L3': [
    'Enviar o que falta',
    'Quando faltam entradas a um seguidor, o líder as envia a partir de nextIndex, indicando a entrada logo antes delas (prevLogIndex, prevLogTerm).',
  ],
  'F2-L4': [
    'Avançar ou recuar',
    'Com sucesso o líder avança nextIndex e matchIndex; numa recusa de consistência recua nextIndex e tenta de novo.',
  ],
  'F2-L5': [
    'Regra de confirmação',
    'Um líder confirma o índice N quando uma maioria o tem e a entrada N é do seu mandato atual. Entradas antigas nunca são confirmadas contando cópias; são confirmadas junto com uma mais nova.',
  ],
  'F2-L6': ['Um líder só anexa', 'Um líder nunca reescreve nem apaga entradas do próprio log.'],
  'F2-L7': [
    'No-op no início do mandato',
    'Um líder novo anexa uma entrada vazia do seu mandato, para que as anteriores sejam confirmadas logo e leituras e mudanças de membros possam seguir.',
  ],
  'F2-L8': [
    'Líderes não esgotam o tempo',
    'Um líder continua liderando até ver um mandato maior, perder a maioria (CheckQuorum), ser removido ou passar a liderança.',
  ],
  'F2-F1': [
    'Seguidores são passivos',
    'Um seguidor só responde a líderes e candidatos e manda os clientes para o líder que conhece.',
  ],
  'F2-F2': [
    'Tempo de eleição esgotado',
    'Um seguidor que durante todo um tempo de eleição não ouve o líder atual nem concede voto vira candidato.',
  ],
  'F2-T1': [
    'Tempos aleatórios',
    'Cada tempo de eleição é sorteado dentro de um intervalo (aqui o electionTimeoutMs da configuração), de novo a cada vez, então empates raramente se repetem.',
  ],
  'F2-T2': [
    'O tempo só afeta o progresso',
    'As mensagens devem levar bem menos que um tempo de eleição, senão os líderes trocam sem parar; mas a segurança nunca depende do tempo.',
  ],
  'F2-T3': [
    'Uma rede pouco confiável',
    'Mensagens podem se perder, atrasar, chegar fora de ordem ou em dobro, então receber uma RPC mais de uma vez tem de ser inofensivo.',
  ],
  'F2-IS1': [
    'Recusar snapshots atrasados',
    'Um InstallSnapshot de um mandato menor que o do receptor é respondido na hora e ignorado.',
  ],
  'F2-IS2': [
    'Pedaços',
    'Um snapshot chega em pedaços; cada um é gravado na sua posição e respondido, e o seguidor espera o resto até o último.',
  ],
  'F2-IS3': [
    'Ficar com o mais novo',
    'Completo, o snapshot é gravado e qualquer outro mais antigo ou parcial é descartado.',
  ],
  'F2-IS4': [
    'Manter o que vem depois',
    'Se o log do seguidor tem a última entrada do snapshot (mesmo índice e mandato), as entradas seguintes são mantidas.',
  ],
  'F2-IS5': [
    'Senão, substituir',
    'Senão, o log inteiro é descartado e a máquina de estados e a configuração são carregadas do snapshot.',
  ],
  'F2-IS6': [
    'Snapshots do que está confirmado',
    'Cada servidor faz seus snapshots sozinho, só de entradas que sabe confirmadas; eles guardam o último índice e mandato, a configuração e as sessões de clientes.',
  ],
  'F2-IS7': [
    'Snapshot quando faltam entradas',
    'Um líder só envia seu snapshot a um seguidor que precisa de entradas já descartadas; cada pedaço também conta como sinal de vida.',
  ],
  'INV-ES': ['Segurança da eleição', 'No máximo um líder é eleito em cada mandato.'],
  'INV-LAO': [
    'O líder só anexa',
    'Enquanto um servidor lidera um mandato, seu log só cresce no fim: nada é sobrescrito nem removido.',
  ],
  'INV-LM': [
    'Correspondência de logs',
    'Se dois logs têm uma entrada com o mesmo índice e mandato, são idênticos até esse índice.',
  ],
  'INV-LC': [
    'Completude do líder',
    'Uma entrada confirmada num mandato está no log de todo líder de qualquer mandato posterior.',
  ],
  'INV-SMS': [
    'Segurança da máquina de estados',
    'Nunca dois servidores aplicam entradas diferentes no mesmo índice.',
  ],
  'INV-X1': [
    'Mandatos nunca diminuem',
    'O currentTerm de um servidor nunca diminui, nem depois de cair e reiniciar.',
  ],
  'INV-X2': [
    'Nenhuma entrada do futuro',
    'Nenhuma entrada no log de um servidor tem mandato maior que o mandato atual do servidor.',
  ],
  'INV-X3': [
    'Mandatos em ordem',
    'Ao longo de qualquer log, os mandatos das entradas nunca diminuem.',
  ],
  'INV-X4': [
    'commitIndex dentro do log',
    'Um servidor nunca considera confirmado um índice que seu log (ou snapshot) não alcança.',
  ],
  'INV-X5': [
    'Aplicado ≤ confirmado',
    'Um servidor nunca aplica uma entrada que não sabe estar confirmada.',
  ],
  'INV-X6': [
    'Sem volta atrás',
    'commitIndex e lastApplied nunca diminuem, exceto quando um reinício os zera.',
  ],
  'INV-X7': [
    'Um voto por mandato',
    'Dentro de um mandato, o voto de um servidor só passa de ninguém para um candidato.',
  ],
  'INV-X8': [
    'Um candidato por eleitor e mandato',
    'Mesmo através de quedas, nenhum servidor vota em dois candidatos no mesmo mandato.',
  ],
  'INV-X9': [
    'Os prefixos confirmados concordam',
    'As partes confirmadas de quaisquer dois logs concordam: uma é prefixo da outra.',
  ],
  'INV-X10': [
    'Todo quórum guarda o confirmado',
    'Toda maioria da configuração inclui pelo menos um servidor com cada entrada confirmada, então qualquer líder futuro pode obtê-la.',
  ],
  'INV-X11': [
    'Um log atrasado não pode vencer',
    'Nenhum servidor sem uma entrada confirmada tem log mais atualizado que uma maioria de eleitores, então não pode ser eleito.',
  ],
  'INV-X14': [
    'Seguidores coincidem até matchIndex',
    'Um seguidor do mandato do líder tem exatamente as entradas do líder até o matchIndex que o líder guarda para ele.',
  ],
  'INV-X15': [
    'Uma mudança de configuração por vez',
    'Um líder tem no máximo uma entrada de configuração não confirmada e só anexa outra depois de confirmar uma entrada do próprio mandato.',
  ],
  'INV-C1': [
    'Exatamente uma vez',
    'Cada comando de cliente muda a máquina de estados no máximo uma vez; uma nova tentativa recebe de novo a primeira resposta.',
  ],
  'INV-C2': [
    'Respostas linearizáveis',
    'Todas as respostas recebidas pelos clientes cabem numa ordem das operações que respeita o tempo real: nenhuma leitura devolve dados velhos.',
  ],
  'C-1': [
    'Pedidos vão ao líder',
    'Um servidor que não lidera recusa o pedido do cliente e diz qual líder conhece, se conhecer algum.',
  ],
  'C-2': [
    'Sessões de cliente',
    'Cada cliente numera seus comandos; a máquina de estados lembra o último número e a resposta de cada cliente e responde a uma repetição dali, sem executá-la de novo.',
  ],
  'C-3': [
    'Expiração de sessões',
    'Sessões só podem expirar de um jeito com que todos os servidores concordem, guiado pelo log; um comando de uma sessão desconhecida recebe um erro.',
  ],
  'C-4': [
    'ReadIndex',
    'Uma leitura sem entrada no log: o líder espera confirmar uma entrada do seu mandato, anota seu índice de confirmação, confirma com uma rodada de heartbeats respondida por uma maioria e responde quando aplicou até ali. Um seguidor pode pedir esse índice de leitura ao líder e responder ele mesmo.',
  ],
  'C-5': [
    'Leituras com arrendamento',
    'Depois que uma maioria respondeu, um líder pode pular a rodada de heartbeats por um tempo, porque ainda não pode existir outro líder. Depende dos relógios e exige CheckQuorum.',
  ],
  'M-1': [
    'Configurações são entradas',
    'Cada servidor usa a configuração mais recente do seu log, confirmada ou não; se essa entrada for apagada, volta à anterior.',
  ],
  'M-2': [
    'Um servidor por vez',
    'Uma mudança adiciona ou remove um único servidor, e a próxima espera a anterior ser confirmada.',
  ],
  'M-3': [
    'Confirmar no seu mandato primeiro',
    'Um líder novo não pode começar uma mudança de configuração antes de confirmar uma entrada do próprio mandato (a correção de 2015).',
  ],
  'M-4': [
    'Consenso conjunto',
    'Para mudanças maiores o líder anexa primeiro C_old,new: enquanto vale, eleger e confirmar exigem maioria dos eleitores antigos e maioria dos novos. Depois anexa C_new.',
  ],
  'M-5': [
    'Atualizar primeiro',
    'Um servidor novo recebe primeiro o log sem votar, em rodadas; só vira eleitor quando uma rodada é rápida, senão a mudança é abandonada.',
  ],
  'M-6': [
    'Remover o líder',
    'Um líder fora da nova configuração continua replicando sem se contar e deixa de liderar quando a nova configuração é confirmada.',
  ],
  'M-7': [
    'Servidores disruptivos',
    'Um servidor que ouviu um líder há menos de um tempo de eleição ignora pedidos de voto, então um servidor removido não consegue derrubá-lo.',
  ],
  'X-PV': [
    'PreVote',
    'Antes de aumentar o mandato, um aspirante pergunta se os outros votariam nele. Ninguém muda de mandato, então um servidor que volta de uma partição não atrapalha o líder.',
  ],
  'X-CQ': [
    'CheckQuorum',
    'Um líder que não ouve uma maioria durante um tempo de eleição deixa de liderar; seguidores que ouvem um líder ignoram pedidos de voto.',
  ],
  'X-LT': [
    'Transferência de liderança',
    'O líder para de aceitar pedidos, atualiza o alvo e pede que ele comece uma eleição já (TimeoutNow). Desiste após um tempo de eleição.',
  ],
  'BUG-FIG8': [
    'Bug: confirmar entradas antigas contando',
    'Líderes confirmam entradas de mandatos anteriores assim que uma maioria as tem (falta a verificação do mandato da entrada), o que a Figura 8 do artigo mostra ser inseguro.',
  ],
  'BUG-NOUPTODATE': [
    'Bug: votar sem comparar logs',
    'Eleitores pulam a verificação de log atualizado, então pode vencer um servidor sem entradas confirmadas.',
  ],
  'BUG-VOTEVOLATILE': [
    'Bug: esquecer o voto ao reiniciar',
    'votedFor não é gravado, então um servidor reiniciado pode votar de novo no mesmo mandato.',
  ],
  'BUG-VOTERESET': [
    'Bug: apagar o voto num heartbeat',
    'Um heartbeat do mesmo mandato apaga votedFor, então o servidor pode votar de novo nesse mandato.',
  ],
  'BUG-STALEVOTE': [
    'Bug: contar votos antigos',
    'Um candidato conta respostas de voto de um mandato anterior.',
  ],
  'BUG-TRUNC': [
    'Bug: truncar em todo AppendEntries',
    'Um seguidor apaga tudo depois das entradas do pedido mesmo sem conflito, então um pedido atrasado pode apagar entradas já confirmadas.',
  ],
  'BUG-COMMITLAST': [
    'Bug: confirmar até a última entrada',
    'Um seguidor confirma até o próprio último índice em vez da última entrada que o pedido verificou.',
  ],
  'BUG-STALEAE': [
    'Bug: aceitar AppendEntries antigos',
    'Um seguidor aceita entradas de um líder de mandato anterior.',
  ],
  'BUG-NOSESSION': [
    'Bug: sem sessões de cliente',
    'Comandos repetidos são executados de novo, então um incremento pode contar duas vezes.',
  ],
  'BUG-DIRECTCONFIG': [
    'Bug: trocar vários servidores de uma vez',
    'Um líder passa direto a uma configuração que difere em mais de um servidor, sem consenso conjunto (a Figura 10 do artigo).',
  ],
  'BUG-EARLYCONFIG': [
    'Bug: mudar antes de confirmar no mandato',
    'Um líder novo anexa uma mudança de configuração antes de confirmar uma entrada do seu mandato.',
  ],
  'BUG-SELFCOUNT': [
    'Bug: um líder removido se conta',
    'Um líder fora da nova configuração conta a própria cópia para confirmar.',
  ],
  'BUG-LOCALREAD': [
    'Bug: ler do estado local',
    'Um líder responde leituras na hora a partir do próprio estado sem confirmar que ainda lidera, então um líder deposto pode devolver dados velhos.',
  ],
  'SC-01': [
    'Cenário: primeira eleição',
    'Logs vazios; o primeiro servidor cujo tempo se esgota pede votos, obtém maioria e lidera o mandato 1.',
  ],
  'SC-02': [
    'Cenário: sem maioria',
    'Com servidores demais fora do ar, os candidatos tentam em mandatos novos e ninguém consegue vencer.',
  ],
  'SC-04': [
    'Cenário: quais logs ganham votos',
    'Casos da verificação de log atualizado: vence um último mandato maior; com o mesmo último mandato, vence o log maior ou igual.',
  ],
  'SC-06': [
    'Cenário: voto dividido',
    'Dois candidatos num mandato dividem os votos; os tempos aleatórios fazem um tentar de novo antes e vencer.',
  ],
  'SC-13': [
    'Cenário: replicação normal',
    'O líder anexa um comando, copia para uma maioria, confirma, aplica e responde.',
  ],
  'SC-15': [
    'Cenário: Figura 7',
    'Seguidores cujos logs têm entradas faltando ou sobrando voltam ao log do líder.',
  ],
  'SC-16': [
    'Cenário: Figura 8',
    'Por que um líder não pode confirmar uma entrada de mandato anterior contando cópias: outro líder ainda pode sobrescrevê-la.',
  ],
  'SC-18': [
    'Cenário: líder antigo em minoria',
    'Um líder antigo isolado com uma minoria aceita pedidos mas nunca consegue confirmá-los.',
  ],
  'SC-19': [
    'Cenário: dois líderes, dois mandatos',
    'Durante uma partição há dois líderes em mandatos diferentes; as entradas do antigo são sobrescritas quando a rede volta.',
  ],
  'SC-21': [
    'Cenário: queda e reinício',
    'Um servidor cai e volta com seu mandato, voto e log, e se atualiza.',
  ],
  'SC-22': [
    'Cenário: um servidor que volta atrapalha',
    'Sem PreVote, um servidor que volta do isolamento com um mandato alto força uma eleição.',
  ],
  'SC-23': [
    'Cenário: PreVote evita isso',
    'Com PreVote o servidor que volta pergunta primeiro, ouve um não e o líder continua.',
  ],
  'SC-26': [
    'Cenário: votos negados perto de um líder',
    'Servidores que ouviram um líder há pouco ignoram pedidos de voto.',
  ],
  'SC-29': [
    'Cenário: uma vez só apesar de uma queda',
    'Um cliente repete um comando depois que o líder caiu; a sessão garante que ele roda uma vez.',
  ],
  'SC-30': [
    'Cenário: repetir um pedido perdido',
    'Um pedido perdido com um líder antigo é repetido com o mesmo número e roda uma vez.',
  ],
  'SC-32': [
    'Cenário: nenhuma leitura velha',
    'Um líder isolado da maioria não deve responder leituras a partir do seu estado antigo.',
  ],
  'SC-33': [
    'Cenário: adicionar um servidor',
    'Um servidor novo se atualiza sem votar e depois o líder o adiciona à configuração.',
  ],
  'SC-34': [
    'Cenário: remover um seguidor',
    'Depois de remover um seguidor, as entradas pendentes são confirmadas com a maioria menor.',
  ],
  'SC-35': [
    'Cenário: consenso conjunto 3 → 5',
    'De três para cinco eleitores passando por C_old,new: confirmar exige as duas maiorias até C_new valer.',
  ],
  'SC-36': [
    'Cenário: Figura 10',
    'Trocar vários servidores de uma vez deixa dois líderes vencerem o mesmo mandato; o consenso conjunto impede isso.',
  ],
  'SC-37': [
    'Cenário: remover o líder',
    'O líder remove a si mesmo, continua replicando sem se contar e deixa de liderar quando C_new é confirmada.',
  ],
  'SC-38': [
    'Cenário: servidor removido não atrapalha',
    'Um servidor removido continua esgotando seu tempo, mas os membros que ouvem seu líder o ignoram.',
  ],
  'SC-39': [
    'Cenário: o bug da mudança de um servidor',
    'Uma mudança de configuração iniciada antes de o novo líder confirmar no seu mandato perde uma entrada confirmada; a correção (M-3) evita isso.',
  ],
  'SC-42': [
    'Cenário: snapshot para um seguidor atrasado',
    'Um seguidor que ficou fora tempo demais recebe o snapshot do líder e depois as entradas seguintes.',
  ],
  'SC-44': [
    'Cenário: transferir para quem precisa de snapshot',
    'A liderança só passa depois que o alvo instalou o snapshot.',
  ],
  'SC-45': [
    'Cenário: transferir para um seguidor em dia',
    'O líder envia TimeoutNow; o alvo vence o mandato seguinte na hora.',
  ],
  'SC-46': [
    'Cenário: transferir para um seguidor atrasado',
    'O líder envia primeiro as entradas que faltam e depois TimeoutNow.',
  ],
  'SC-49': [
    'Cenário: testes aleatórios',
    'Muitas execuções aleatórias com falhas, verificando cada invariante a cada passo.',
  ],
  'TRACE-HASH': [
    'Hash do rastro',
    'Um resumo de todos os eventos da execução até agora. Duas execuções com o mesmo hash foram exatamente iguais, evento por evento; um link compartilhado reproduz o mesmo hash em qualquer navegador.',
  ],
};

export const RULES: Readonly<Record<Language, RuleCatalogue>> = {
  en: RULES_EN,
  es: RULES_ES,
  pt: RULES_PT,
};

/** A rule's title and explanation in `lang` (English when missing). */
export function ruleText(id: RuleId, lang: Language): RuleText {
  return (RULES[lang] ?? RULES_EN)[id] ?? RULES_EN[id];
}
