/**
 * Plain-language formatting shared by the views: times, names and one line per simulation event.
 * Pure functions of plain data, so the words on screen are unit-tested in Node. The short words
 * the first frame shows (names, times, glyphs) live in names.ts and are re-exported here; this
 * module's sentences reach the browser in a chunk of its own, after the first paint (the feed).
 */
import { translator, type Language } from '../i18n/index.ts';
import { violationDetail } from './violationText.ts';
import { parseAdmin } from '../core/index.ts';
import type { Action, InvariantId, RefusalReason, SimEvent, Violation } from '../core/types.ts';
import {
  INVARIANT_NAMES_ES,
  INVARIANT_NAMES_PT,
  REASON_WORDS,
  clientName,
  describeResult,
  endpointName,
  formatDuration,
  invariantName,
  serverName,
} from './names.ts';

export {
  INVARIANT_NAMES,
  STATUS_GLYPH,
  clientName,
  describeResult,
  endpointName,
  formatDue,
  formatDuration,
  formatTime,
  invariantName,
  serverName,
  serverStatus,
  type ServerStatus,
} from './names.ts';

const groupList = (ids: readonly number[]): string => `{${ids.map(serverName).join(', ')}}`;
const link = (l: readonly [number, number]): string => `${serverName(l[0])}–${serverName(l[1])}`;

/** A broken invariant as one line of the feed: its ID, its name and what happened, in `lang`. */
export function violationLine(
  v: Pick<Violation, 'invariant' | 'servers' | 'indexes' | 'explanation'>,
  lang: Language = 'en',
): string {
  const t = translator(lang);
  return t('viol.line', {
    id: v.invariant,
    name: invariantName(v.invariant, lang),
    detail: violationDetail(v, t, lang),
  });
}

/** One action (a timed intervention) in words, in `lang` (English by default). */
export function describeAction(a: Action, lang: Language = 'en'): string {
  if (lang !== 'en') return describeActionIn(PHRASES[lang], a);
  switch (a.do) {
    case 'crash':
    case 'restart':
    case 'timeout':
      return `${a.do} ${serverName(a.server)}`;
    case 'partition':
      return `partition the network into ${a.groups.map(groupList).join(' | ')}`;
    case 'heal':
      return 'heal the network';
    case 'cut':
      return `cut the link ${link(a.link)}`;
    case 'connect':
      return `reconnect the link ${link(a.link)}`;
    case 'request': {
      const who = a.client === undefined ? 'a client' : clientName(a.client);
      const where = a.server === undefined ? 'the leader it knows' : serverName(a.server);
      return `${who} sends "${a.command}" to ${where}`;
    }
    case 'drop':
      return `drop message #${a.message}`;
    case 'dropInFlight': {
      const what = a.type ?? 'message';
      const from = a.from === undefined ? '' : ` from ${endpointName(a.from)}`;
      const to = a.to === undefined ? '' : ` to ${endpointName(a.to)}`;
      return `drop every ${what} in flight${from}${to}`;
    }
    case 'network':
      return 'change the network settings';
    case 'linkLatency':
      return a.latencyMs === null
        ? `reset the latency of ${link(a.link)}`
        : `set the latency of ${link(a.link)} to ${a.latencyMs[0]}–${a.latencyMs[1]} ms`;
    case 'nextTimeout':
      return `make the next election timeout of ${serverName(a.server)} ${a.ms} ms`;
    case 'transfer':
      return `hand leadership over to ${serverName(a.server)} (leadership transfer)`;
    default:
      return describeChangeAction(a);
  }
}

type ChangeAction = Extract<Action, { do: ChangeKindOf }>;
type ChangeKindOf = 'addServer' | 'removeServer' | 'addLearner' | 'promote' | 'reconfigure';

function describeChangeAction(a: ChangeAction): string {
  const who = a.client === undefined ? 'an admin client' : clientName(a.client);
  const where = a.via === undefined ? 'the leader' : serverName(a.via);
  switch (a.do) {
    case 'addServer':
      return `${who} asks ${where} to add ${serverName(a.server)} as a voter`;
    case 'removeServer':
      return `${who} asks ${where} to remove ${serverName(a.server)} from the cluster`;
    case 'addLearner':
      return `${who} asks ${where} to add ${serverName(a.server)} as a learner (receives the log, never votes)`;
    case 'promote':
      return `${who} asks ${where} to promote learner ${serverName(a.server)} to voter`;
    case 'reconfigure':
      return `${who} asks ${where} to change the voters to ${groupList(a.members)} (joint consensus)`;
  }
}

/** Facts about an event that only the events before it can tell (see feedModel.ts). */
export interface DescribeContext {
  /** becomeLeader: votes granted to the winner in that term, its own included. */
  votes?: number;
  /** becomeLeader: cluster size, for "3 of 5". */
  servers?: number;
  /** clientRedirect: the command of that (client, seq). */
  command?: string;
  /** read by a follower, held: the leader it asked for a read index (C-4). */
  leader?: number;
  /** read confirmed by a leader: the follower it sent the read index to (C-4). */
  follower?: number;
}

const entryRange = (from: number, to: number): string =>
  from === to ? `entry ${from}` : `entries ${from}–${to}`;

/**
 * Events the feed hides: sends, deliveries and drops by the network (the cluster view draws those
 * as moving messages), and a candidate's vote for itself (part of starting an election). A cheap
 * test, so filtering 100k events builds no strings.
 */
export function isNoisyEvent(e: SimEvent): boolean {
  switch (e.type) {
    case 'send':
    case 'deliver':
      return true;
    case 'drop':
      return e.reason !== 'manual';
    case 'vote':
      return e.voter === e.candidate;
    default:
      return false;
  }
}

/**
 * One event as a sentence in `lang` (English by default), or null for the noisy ones (see
 * isNoisyEvent).
 */
export function describeEvent(
  e: SimEvent,
  ctx: DescribeContext = {},
  lang: Language = 'en',
): string | null {
  if (isNoisyEvent(e)) return null;
  if (lang !== 'en') return describeEventIn(PHRASES[lang], e, ctx);
  switch (e.type) {
    case 'send':
    case 'deliver':
      return null;
    case 'drop':
      return `Message #${e.id} (${e.msg} ${endpointName(e.from)}→${endpointName(e.to)}) was dropped by hand`;
    case 'action':
      return `Action: ${describeAction(e.action)}`;
    default:
      return describeRaftEvent(e, ctx);
  }
}

type RaftEvent = Exclude<SimEvent, { type: 'send' | 'deliver' | 'drop' | 'action' }>;

function describeRaftEvent(e: RaftEvent, ctx: DescribeContext): string {
  switch (e.type) {
    case 'electionStart':
      return `${serverName(e.server)} ${e.forced ? 'was forced to time out' : 'timed out'} and started an election for term ${e.term}`;
    case 'vote':
      return `${serverName(e.voter)} ${e.granted ? 'granted its vote to' : 'refused its vote to'} ${serverName(e.candidate)} for term ${e.term}`;
    case 'preVoteStart':
      return `${serverName(e.server)} timed out and asked whether it could win term ${e.term}, without changing its term (PreVote)`;
    case 'preVote':
      return `${serverName(e.voter)} ${e.granted ? 'would vote' : 'would not vote'} for ${serverName(e.candidate)} in term ${e.term} (pre-vote)`;
    case 'voteIgnored':
      return `${serverName(e.voter)} ignored ${serverName(e.candidate)}'s request for term ${e.term}: it heard its leader recently (CheckQuorum)`;
    case 'quorumLost':
      return `${serverName(e.server)} heard from only ${e.active} servers in an election timeout and stepped down (CheckQuorum)`;
    case 'becomeLeader':
      return `${serverName(e.server)} won the election for term ${e.term}${tally(ctx)}`;
    case 'stepDown':
      if (e.from === 'candidate' || e.from === 'precandidate') {
        return `${serverName(e.server)} gave up its candidacy and became a follower in term ${e.term}`;
      }
      return e.from === 'leader'
        ? `${serverName(e.server)} stepped down from leader to follower in term ${e.term}`
        : `${serverName(e.server)} saw a newer term and moved to term ${e.term} (F2-A2)`;
    case 'append':
      return e.command === 'noop'
        ? `${serverName(e.server)} appended a no-op at entry ${e.index} for term ${e.term}`
        : `${serverName(e.server)} appended entry ${e.index} (term ${e.term}): ${e.command}`;
    case 'replicate':
      return `${serverName(e.server)} copied ${entryRange(e.fromIndex, e.toIndex)} from ${serverName(e.leader)}`;
    case 'truncate':
      return `${serverName(e.server)} deleted ${e.removed} conflicting ${e.removed === 1 ? 'entry' : 'entries'} from index ${e.fromIndex}`;
    case 'commit':
      return `${serverName(e.server)} committed up to entry ${e.index}`;
    case 'apply':
      return `${serverName(e.server)} applied entry ${e.index} (${e.command} → ${e.result})${e.duplicate ? ', answered from the session table' : ''}`;
    case 'crash':
      return `${serverName(e.server)} crashed`;
    case 'restart':
      return `${serverName(e.server)} restarted with its term, vote and log`;
    case 'membership':
      return describeMembership(e, 'en');
    case 'transfer':
      return describeTransfer(e, 'en');
    case 'read':
      return describeRead(e, 'en', ctx);
    case 'snapshot':
    case 'installSnapshot':
      return describeSnapshot(e, 'en');
    default:
      return describeClientEvent(e, ctx);
  }
}

type ClientEvent = Extract<SimEvent, { type: `client${string}` | 'violation' }>;

function describeClientEvent(e: ClientEvent, ctx: DescribeContext): string {
  switch (e.type) {
    case 'clientSend':
      return e.attempt > 1
        ? `${clientName(e.client)} retried request #${e.seq} "${e.command}" at ${serverName(e.server)} (attempt ${e.attempt})`
        : `${clientName(e.client)} sent request #${e.seq} "${e.command}" to ${serverName(e.server)}`;
    case 'clientRedirect': {
      const what = ctx.command === undefined ? `#${e.seq}` : `"${ctx.command}"`;
      return e.leaderHint === null
        ? `${clientName(e.client)}'s request ${what} was turned away by ${serverName(e.server)}, which knows no leader`
        : `${clientName(e.client)}'s request ${what} was redirected to ${serverName(e.leaderHint)} by ${serverName(e.server)}`;
    }
    case 'clientReply':
      return `${serverName(e.server)} answered ${clientName(e.client)}'s request #${e.seq}: ${describeResult(e.result)}`;
    case 'clientLateReply':
      return `${clientName(e.client)} ignored a late answer from ${serverName(e.server)} to request #${e.seq}: ${describeResult(e.result)}`;
    case 'violation': {
      const v = e.violation;
      return violationLine(v, 'en');
    }
  }
}

type MembershipEvent = Extract<SimEvent, { type: 'membership' }>;

interface ChangeWords {
  /** The servers a change catches up, when the command does not name one. */
  newServers: string;
  reasons: Readonly<Record<RefusalReason, string>>;
  phase: {
    readonly [P in MembershipEvent['phase']]: (
      leader: string,
      command: string,
      e: MembershipEvent,
      newcomers: string,
    ) => string;
  };
}

const CHANGE_WORDS: Readonly<Record<Language, ChangeWords>> = {
  en: {
    newServers: 'the new servers',
    reasons: REASON_WORDS.en,
    phase: {
      refused: (l, c, e) => `${l} refuses "${c}": ${refusalText(e.reason, 'en')}`,
      start: (l, c, _e, n) =>
        `${l} starts catching ${n} up as non-voters before they count ("${c}")`,
      catchUp: (l, c, e, n) =>
        `${l} is catching ${n} up before they vote: round ${e.round ?? 1} took ${formatDuration(e.durationMs ?? 0)} ("${c}")`,
      aborted: (l, c, e) => `${l} gave up "${c}": ${refusalText(e.reason, 'en')}`,
      joint: (l, c) =>
        `${l} appended the joint configuration C_old,new for "${c}": elections and commits now need a majority of both the old and the new voters`,
      final: (l, c) => `${l} appended the new configuration C_new for "${c}"`,
      done: (l, c) => `${l} committed the new configuration: "${c}" is done`,
      leave: (l) => `${l} is not in the new configuration and steps down`,
    },
  },
  es: {
    newServers: 'los servidores nuevos',
    reasons: REASON_WORDS.es,
    phase: {
      refused: (l, c, e) => `${l} rechaza "${c}": ${refusalText(e.reason, 'es')}`,
      start: (l, c, _e, n) =>
        `${l} empieza a poner al día a ${n} como no votantes antes de que cuenten ("${c}")`,
      catchUp: (l, c, e, n) =>
        `${l} pone al día a ${n} antes de que voten: la ronda ${e.round ?? 1} tardó ${formatDuration(e.durationMs ?? 0)} ("${c}")`,
      aborted: (l, c, e) => `${l} abandonó "${c}": ${refusalText(e.reason, 'es')}`,
      joint: (l, c) =>
        `${l} añadió la configuración conjunta C_old,new para "${c}": las elecciones y las confirmaciones necesitan ahora una mayoría de los votantes antiguos y otra de los nuevos`,
      final: (l, c) => `${l} añadió la nueva configuración C_new para "${c}"`,
      done: (l, c) => `${l} confirmó la nueva configuración: "${c}" está hecho`,
      leave: (l) => `${l} no está en la nueva configuración y deja de ser líder`,
    },
  },
  pt: {
    newServers: 'os servidores novos',
    reasons: REASON_WORDS.pt,
    phase: {
      refused: (l, c, e) => `${l} recusa "${c}": ${refusalText(e.reason, 'pt')}`,
      start: (l, c, _e, n) =>
        `${l} começa a atualizar ${n} como não votantes antes que contem ("${c}")`,
      catchUp: (l, c, e, n) =>
        `${l} atualiza ${n} antes de votarem: a rodada ${e.round ?? 1} levou ${formatDuration(e.durationMs ?? 0)} ("${c}")`,
      aborted: (l, c, e) => `${l} desistiu de "${c}": ${refusalText(e.reason, 'pt')}`,
      joint: (l, c) =>
        `${l} anexou a configuração conjunta C_old,new para "${c}": eleições e confirmações agora precisam de uma maioria dos eleitores antigos e outra dos novos`,
      final: (l, c) => `${l} anexou a nova configuração C_new para "${c}"`,
      done: (l, c) => `${l} confirmou a nova configuração: "${c}" está concluído`,
      leave: (l) => `${l} não está na nova configuração e deixa de ser líder`,
    },
  },
};

/** Why a leader refused a membership change, in words (the reason code is shown next to it). */
export function refusalText(reason: RefusalReason | undefined, lang: Language = 'en'): string {
  const words = CHANGE_WORDS[lang] ?? CHANGE_WORDS.en;
  return reason === undefined ? '?' : `${words.reasons[reason]} (${reason})`;
}

/** A step of a membership change in plain words, in `lang`. */
export function describeMembership(e: MembershipEvent, lang: Language = 'en'): string {
  const words = CHANGE_WORDS[lang] ?? CHANGE_WORDS.en;
  const admin = parseAdmin(e.command);
  const named = e.servers !== undefined && e.servers.length > 0 ? groupList(e.servers) : null;
  const newcomers =
    named ??
    (admin !== null && admin.server !== null ? serverName(admin.server) : words.newServers);
  return words.phase[e.phase](serverName(e.server), e.command, e, newcomers);
}

type TransferEvent = Extract<SimEvent, { type: 'transfer' }>;
type ReadEvent = Extract<SimEvent, { type: 'read' }>;

const TRANSFER_WORDS: Readonly<
  Record<
    Language,
    Readonly<Record<TransferEvent['phase'] | 'noLeader', (l: string, t: string) => string>>
  >
> = {
  en: {
    start: (l, t) =>
      `${l} starts handing leadership to ${t}: it takes no new requests and brings ${t} up to date`,
    timeoutNow: (l, t) => `${t} is up to date: ${l} tells it to start an election now (TimeoutNow)`,
    aborted: (l, t) =>
      `${l} gave up handing leadership to ${t} after an election timeout and goes on leading`,
    refused: (l, t) =>
      `${l} cannot hand leadership to ${t} now (not a voter, itself, or a transfer already under way)`,
    noLeader: (_l, t) => `No leader to hand leadership to ${t}`,
  },
  es: {
    start: (l, t) =>
      `${l} empieza a ceder el liderazgo a ${t}: no acepta peticiones nuevas y pone al día a ${t}`,
    timeoutNow: (l, t) => `${t} está al día: ${l} le pide que empiece una elección ya (TimeoutNow)`,
    aborted: (l, t) =>
      `${l} desiste de ceder el liderazgo a ${t} tras un tiempo de elección y sigue liderando`,
    refused: (l, t) =>
      `${l} no puede ceder el liderazgo a ${t} ahora (no vota, es él mismo o ya hay una cesión en curso)`,
    noLeader: (_l, t) => `No hay líder que ceda el liderazgo a ${t}`,
  },
  pt: {
    start: (l, t) =>
      `${l} começa a passar a liderança para ${t}: não aceita pedidos novos e atualiza ${t}`,
    timeoutNow: (l, t) => `${t} está em dia: ${l} pede que comece uma eleição agora (TimeoutNow)`,
    aborted: (l, t) =>
      `${l} desiste de passar a liderança para ${t} após um tempo de eleição e continua liderando`,
    refused: (l, t) =>
      `${l} não pode passar a liderança para ${t} agora (não vota, é ele mesmo ou já há uma transferência em andamento)`,
    noLeader: (_l, t) => `Não há líder para passar a liderança para ${t}`,
  },
};

/** A step of a leadership transfer (X-LT) in plain words, in `lang`. */
export function describeTransfer(e: TransferEvent, lang: Language = 'en'): string {
  const words = TRANSFER_WORDS[lang] ?? TRANSFER_WORDS.en;
  const phase = e.server === 0 ? 'noLeader' : e.phase;
  return words[phase](serverName(e.server), serverName(e.target));
}

const READ_WORDS: Readonly<
  Record<
    Language,
    {
      held: (e: ReadEvent) => string;
      answered: Readonly<Record<ReadEvent['mode'], (e: ReadEvent) => string>>;
      /** A follower asks the leader (its name; null: unknown to the feed) for a read index (C-4). */
      followerHeld: (e: ReadEvent, leader: string | null) => string;
      /** The leader confirmed it leads and sent `follower` the read index (C-4, C-5). */
      confirmed: Readonly<
        Record<'readIndex' | 'lease', (e: ReadEvent, follower: string) => string>
      >;
      /** Who is sent the read index when the feed cannot tell. */
      someFollower: string;
    }
  >
> = {
  en: {
    held: (e) =>
      `${serverName(e.server)} holds ${clientName(e.client)}'s read of ${e.key} until its leadership is confirmed and the entries up to its commit index are applied (ReadIndex)`,
    answered: {
      readIndex: (e) =>
        `${serverName(e.server)} answered ${clientName(e.client)}'s read of ${e.key} at read index ${e.readIndex}: ${e.result} (a quorum confirmed it still leads; no log entry)`,
      lease: (e) =>
        `${serverName(e.server)} answered ${clientName(e.client)}'s read of ${e.key} at read index ${e.readIndex}: ${e.result} (within its lease: no other leader can exist yet)`,
      local: (e) =>
        `${serverName(e.server)} answered ${clientName(e.client)}'s read of ${e.key} from its own state at once: ${e.result} (it never checked that it still leads)`,
      follower: (e) =>
        `${serverName(e.server)} answers ${clientName(e.client)}'s get ${e.key} = ${e.result} from its own state, having applied up to read index ${e.readIndex} (follower read, C-4)`,
    },
    followerHeld: (e, leader) =>
      `${serverName(e.server)} asks ${leader === null ? 'the leader' : `leader ${leader}`} for a read index for ${clientName(e.client)}'s get ${e.key} (follower read, C-4)`,
    confirmed: {
      readIndex: (e, f) =>
        `${serverName(e.server)} confirms it still leads and sends ${f} read index ${e.readIndex} for ${clientName(e.client)}'s get (a quorum answered its heartbeat, C-4)`,
      lease: (e, f) =>
        `${serverName(e.server)} is within its lease and sends ${f} read index ${e.readIndex} for ${clientName(e.client)}'s get (no other leader can exist yet, C-5)`,
    },
    someFollower: 'the follower',
  },
  es: {
    held: (e) =>
      `${serverName(e.server)} retiene la lectura de ${e.key} de ${clientName(e.client)} hasta confirmar su liderazgo y aplicar las entradas hasta su índice de confirmación (ReadIndex)`,
    answered: {
      readIndex: (e) =>
        `${serverName(e.server)} respondió la lectura de ${e.key} de ${clientName(e.client)} en el índice de lectura ${e.readIndex}: ${e.result} (un quórum confirmó que sigue liderando; sin entrada en el registro)`,
      lease: (e) =>
        `${serverName(e.server)} respondió la lectura de ${e.key} de ${clientName(e.client)} en el índice de lectura ${e.readIndex}: ${e.result} (dentro de su lease: aún no puede existir otro líder)`,
      local: (e) =>
        `${serverName(e.server)} respondió la lectura de ${e.key} de ${clientName(e.client)} con su propio estado, en el acto: ${e.result} (nunca comprobó que siguiera liderando)`,
      follower: (e) =>
        `${serverName(e.server)} responde el get ${e.key} de ${clientName(e.client)} = ${e.result} con su propio estado, tras aplicar hasta el índice de lectura ${e.readIndex} (lectura en seguidor, C-4)`,
    },
    followerHeld: (e, leader) =>
      `${serverName(e.server)} pide ${leader === null ? 'al líder' : `al líder ${leader}`} un índice de lectura para el get ${e.key} de ${clientName(e.client)} (lectura en seguidor, C-4)`,
    confirmed: {
      readIndex: (e, f) =>
        `${serverName(e.server)} confirma que sigue liderando y envía a ${f} el índice de lectura ${e.readIndex} para el get de ${clientName(e.client)} (un quórum respondió su latido, C-4)`,
      lease: (e, f) =>
        `${serverName(e.server)} está dentro de su lease y envía a ${f} el índice de lectura ${e.readIndex} para el get de ${clientName(e.client)} (aún no puede existir otro líder, C-5)`,
    },
    someFollower: 'el seguidor',
  },
  pt: {
    held: (e) =>
      `${serverName(e.server)} segura a leitura de ${e.key} de ${clientName(e.client)} até confirmar sua liderança e aplicar as entradas até seu índice de confirmação (ReadIndex)`,
    answered: {
      readIndex: (e) =>
        `${serverName(e.server)} respondeu a leitura de ${e.key} de ${clientName(e.client)} no índice de leitura ${e.readIndex}: ${e.result} (um quórum confirmou que ainda lidera; sem entrada no log)`,
      lease: (e) =>
        `${serverName(e.server)} respondeu a leitura de ${e.key} de ${clientName(e.client)} no índice de leitura ${e.readIndex}: ${e.result} (dentro do seu lease: ainda não pode existir outro líder)`,
      local: (e) =>
        `${serverName(e.server)} respondeu a leitura de ${e.key} de ${clientName(e.client)} com o próprio estado, na hora: ${e.result} (nunca verificou se ainda lidera)`,
      follower: (e) =>
        `${serverName(e.server)} responde o get ${e.key} de ${clientName(e.client)} = ${e.result} com o próprio estado, depois de aplicar até o índice de leitura ${e.readIndex} (leitura no seguidor, C-4)`,
    },
    followerHeld: (e, leader) =>
      `${serverName(e.server)} pede ${leader === null ? 'ao líder' : `ao líder ${leader}`} um índice de leitura para o get ${e.key} de ${clientName(e.client)} (leitura no seguidor, C-4)`,
    confirmed: {
      readIndex: (e, f) =>
        `${serverName(e.server)} confirma que ainda lidera e envia a ${f} o índice de leitura ${e.readIndex} para o get de ${clientName(e.client)} (um quórum respondeu seu heartbeat, C-4)`,
      lease: (e, f) =>
        `${serverName(e.server)} está dentro do seu lease e envia a ${f} o índice de leitura ${e.readIndex} para o get de ${clientName(e.client)} (ainda não pode existir outro líder, C-5)`,
    },
    someFollower: 'o seguidor',
  },
};

/**
 * A read answered without the log (C-4, C-5) or held, in plain words, in `lang`. A follower read
 * (C-4) names the leader asked and the follower sent the read index when `ctx` knows them.
 */
export function describeRead(
  e: ReadEvent,
  lang: Language = 'en',
  ctx: DescribeContext = {},
): string {
  const words = READ_WORDS[lang] ?? READ_WORDS.en;
  if (e.phase === 'confirmed') {
    const follower = ctx.follower === undefined ? words.someFollower : serverName(ctx.follower);
    return words.confirmed[e.mode === 'lease' ? 'lease' : 'readIndex'](e, follower);
  }
  if (e.phase === 'held' && e.mode === 'follower') {
    return words.followerHeld(e, ctx.leader === undefined ? null : serverName(ctx.leader));
  }
  return e.phase === 'held' ? words.held(e) : words.answered[e.mode](e);
}

type SnapshotEvent = Extract<SimEvent, { type: 'snapshot' | 'installSnapshot' }>;
type InstallEvent = Extract<SimEvent, { type: 'installSnapshot' }>;

const SNAPSHOT_WORDS: Readonly<
  Record<
    Language,
    {
      taken: (e: Extract<SimEvent, { type: 'snapshot' }>) => string;
      /** F2-IS4: the follower's log holds the last included entry; `kept` entries follow it. */
      kept: (e: InstallEvent) => string;
      /** F2-IS4 with nothing after the entry, its state machine already past it. */
      matched: (e: InstallEvent) => string;
      /** F2-IS5: the log discarded, the state machine reloaded from the snapshot. */
      replaced: (e: InstallEvent) => string;
    }
  >
> = {
  en: {
    taken: (e) =>
      `${S(e.server)} took a snapshot up to entry ${e.index} (term ${e.term}) and discarded ${e.discarded} ${plural(e.discarded, 'entry', 'entries')} from its log (F2-IS6)`,
    kept: (e) =>
      `${S(e.server)} installed ${S(e.leader)}'s snapshot up to entry ${e.index} (term ${e.term}); its log holds that entry, so it kept ${plural(e.kept, 'the entry', `the ${e.kept} entries`)} after it${e.reset ? ' and reloaded its state machine from the snapshot' : ''} (F2-IS4)`,
    matched: (e) =>
      `${S(e.server)} installed ${S(e.leader)}'s snapshot up to entry ${e.index} (term ${e.term}); its log already ended with that entry and its state machine was past it (F2-IS4)`,
    replaced: (e) =>
      `${S(e.server)} installed ${S(e.leader)}'s snapshot up to entry ${e.index} (term ${e.term}): its log was replaced by the snapshot and its state machine reloaded from it (F2-IS5)`,
  },
  es: {
    taken: (e) =>
      `${S(e.server)} hizo una instantánea hasta la entrada ${e.index} (mandato ${e.term}) y descartó ${e.discarded} ${plural(e.discarded, 'entrada', 'entradas')} de su registro (F2-IS6)`,
    kept: (e) =>
      `${S(e.server)} instaló la instantánea de ${S(e.leader)} hasta la entrada ${e.index} (mandato ${e.term}); su registro tiene esa entrada, así que conservó ${plural(e.kept, 'la entrada posterior', `las ${e.kept} entradas posteriores`)}${e.reset ? ' y recargó su máquina de estados desde la instantánea' : ''} (F2-IS4)`,
    matched: (e) =>
      `${S(e.server)} instaló la instantánea de ${S(e.leader)} hasta la entrada ${e.index} (mandato ${e.term}); su registro ya terminaba en esa entrada y su máquina de estados ya la había pasado (F2-IS4)`,
    replaced: (e) =>
      `${S(e.server)} instaló la instantánea de ${S(e.leader)} hasta la entrada ${e.index} (mandato ${e.term}): la instantánea reemplazó su registro y su máquina de estados se recargó desde ella (F2-IS5)`,
  },
  pt: {
    taken: (e) =>
      `${S(e.server)} fez um snapshot até a entrada ${e.index} (mandato ${e.term}) e descartou ${e.discarded} ${plural(e.discarded, 'entrada', 'entradas')} do seu log (F2-IS6)`,
    kept: (e) =>
      `${S(e.server)} instalou o snapshot de ${S(e.leader)} até a entrada ${e.index} (mandato ${e.term}); seu log tem essa entrada, então manteve ${plural(e.kept, 'a entrada seguinte', `as ${e.kept} entradas seguintes`)}${e.reset ? ' e recarregou sua máquina de estados a partir do snapshot' : ''} (F2-IS4)`,
    matched: (e) =>
      `${S(e.server)} instalou o snapshot de ${S(e.leader)} até a entrada ${e.index} (mandato ${e.term}); seu log já terminava nessa entrada e sua máquina de estados já tinha passado dela (F2-IS4)`,
    replaced: (e) =>
      `${S(e.server)} instalou o snapshot de ${S(e.leader)} até a entrada ${e.index} (mandato ${e.term}): o snapshot substituiu seu log e sua máquina de estados foi recarregada a partir dele (F2-IS5)`,
  },
};

/** A snapshot taken (F2-IS6) or installed from the leader (F2-IS4, F2-IS5), in `lang`. */
export function describeSnapshot(e: SnapshotEvent, lang: Language = 'en'): string {
  const words = SNAPSHOT_WORDS[lang] ?? SNAPSHOT_WORDS.en;
  if (e.type === 'snapshot') return words.taken(e);
  if (e.kept > 0) return words.kept(e);
  return e.reset ? words.replaced(e) : words.matched(e);
}

function tally(ctx: DescribeContext): string {
  if (ctx.votes === undefined) return '';
  const of = ctx.servers === undefined ? '' : ` of ${ctx.servers}`;
  return ` with ${ctx.votes}${of} ${ctx.votes === 1 ? 'vote' : 'votes'}`;
}

// ---------------------------------------------------------------------------------------------
// Spanish and Portuguese. English above is the reference; server and client names, commands,
// numbers, message types and rule IDs stay exactly as they are in every language.
// Raft words: leader líder, follower seguidor, candidate candidato, term mandato,
// log registro (es) / log (pt), entry entrada, commit confirmar, vote voto.
// ---------------------------------------------------------------------------------------------

/** Events that get a sentence (sends and deliveries never do). */
type DescribedType = Exclude<SimEvent['type'], 'send' | 'deliver'>;

interface Phrases {
  invariants: Readonly<Record<InvariantId, string>>;
  action: { readonly [K in Action['do']]: (a: Extract<Action, { do: K }>) => string };
  event: {
    readonly [T in DescribedType]: (
      e: Extract<SimEvent, { type: T }>,
      ctx: DescribeContext,
    ) => string;
  };
}

const S = serverName;
const C = clientName;
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const admin = (a: ChangeAction, lang: 'es' | 'pt'): string =>
  a.client === undefined ? (lang === 'es' ? 'un cliente admin' : 'um cliente admin') : C(a.client);
/** "al líder" / "ao líder" (the contractions), or "a S2". */
const via = (a: ChangeAction, lang: 'es' | 'pt'): string =>
  a.via === undefined ? (lang === 'es' ? 'al líder' : 'ao líder') : `a ${S(a.via)}`;

const ES: Phrases = {
  invariants: INVARIANT_NAMES_ES,
  action: {
    crash: (a) => `tumbar ${S(a.server)}`,
    restart: (a) => `reiniciar ${S(a.server)}`,
    timeout: (a) => `forzar el timeout de ${S(a.server)}`,
    partition: (a) => `dividir la red en ${a.groups.map(groupList).join(' | ')}`,
    heal: () => 'reparar la red',
    cut: (a) => `cortar el enlace ${link(a.link)}`,
    connect: (a) => `reconectar el enlace ${link(a.link)}`,
    request: (a) => {
      const who = a.client === undefined ? 'un cliente' : C(a.client);
      const where = a.server === undefined ? 'el líder que conoce' : S(a.server);
      return `${who} envía "${a.command}" a ${where}`;
    },
    drop: (a) => `descartar el mensaje #${a.message}`,
    dropInFlight: (a) => {
      const what = a.type === undefined ? 'mensajes' : `mensajes ${a.type}`;
      const from = a.from === undefined ? '' : ` de ${endpointName(a.from)}`;
      const to = a.to === undefined ? '' : ` a ${endpointName(a.to)}`;
      return `descartar todos los ${what} en tránsito${from}${to}`;
    },
    network: () => 'cambiar la configuración de la red',
    linkLatency: (a) =>
      a.latencyMs === null
        ? `restablecer la latencia de ${link(a.link)}`
        : `fijar la latencia de ${link(a.link)} en ${a.latencyMs[0]}–${a.latencyMs[1]} ms`,
    nextTimeout: (a) =>
      `hacer que el próximo timeout de elección de ${S(a.server)} dure ${a.ms} ms`,
    addServer: (a) =>
      `${admin(a, 'es')} pide ${via(a, 'es')} que añada ${S(a.server)} como votante`,
    removeServer: (a) =>
      `${admin(a, 'es')} pide ${via(a, 'es')} que quite ${S(a.server)} del clúster`,
    addLearner: (a) =>
      `${admin(a, 'es')} pide ${via(a, 'es')} que añada ${S(a.server)} como aprendiz (recibe el registro, nunca vota)`,
    promote: (a) =>
      `${admin(a, 'es')} pide ${via(a, 'es')} que promueva al aprendiz ${S(a.server)} a votante`,
    reconfigure: (a) =>
      `${admin(a, 'es')} pide ${via(a, 'es')} que cambie los votantes a ${groupList(a.members)} (consenso conjunto)`,
    transfer: (a) => `ceder el liderazgo a ${S(a.server)} (transferencia de liderazgo)`,
  },
  event: {
    action: (e) => `Acción: ${describeAction(e.action, 'es')}`,
    drop: (e) =>
      `El mensaje #${e.id} (${e.msg} ${endpointName(e.from)}→${endpointName(e.to)}) se descartó a mano`,
    electionStart: (e) =>
      `${S(e.server)} ${e.forced ? 'fue forzado a agotar su temporizador' : 'agotó su temporizador'} e inició una elección para el mandato ${e.term}`,
    vote: (e) =>
      `${S(e.voter)} ${e.granted ? 'concedió su voto a' : 'negó su voto a'} ${S(e.candidate)} para el mandato ${e.term}`,
    preVoteStart: (e) =>
      `${S(e.server)} agotó su temporizador y preguntó si podría ganar el mandato ${e.term}, sin cambiar su mandato (PreVote)`,
    preVote: (e) =>
      `${S(e.voter)} ${e.granted ? 'votaría' : 'no votaría'} por ${S(e.candidate)} en el mandato ${e.term} (prevoto)`,
    voteIgnored: (e) =>
      `${S(e.voter)} ignoró la petición de ${S(e.candidate)} para el mandato ${e.term}: supo de su líder hace poco (CheckQuorum)`,
    quorumLost: (e) =>
      `${S(e.server)} solo supo de ${e.active} servidores en un timeout de elección y dejó de ser líder (CheckQuorum)`,
    becomeLeader: (e, ctx) => {
      if (ctx.votes === undefined)
        return `${S(e.server)} ganó la elección para el mandato ${e.term}`;
      const of = ctx.servers === undefined ? '' : ` de ${ctx.servers}`;
      return `${S(e.server)} ganó la elección para el mandato ${e.term} con ${ctx.votes}${of} ${plural(ctx.votes, 'voto', 'votos')}`;
    },
    stepDown: (e) => {
      if (e.from === 'candidate' || e.from === 'precandidate') {
        return `${S(e.server)} abandonó su candidatura y pasó a seguidor en el mandato ${e.term}`;
      }
      return e.from === 'leader'
        ? `${S(e.server)} dejó de ser líder y pasó a seguidor en el mandato ${e.term}`
        : `${S(e.server)} vio un mandato más reciente y pasó al mandato ${e.term} (F2-A2)`;
    },
    append: (e) =>
      e.command === 'noop'
        ? `${S(e.server)} añadió un no-op en la entrada ${e.index} para el mandato ${e.term}`
        : `${S(e.server)} añadió la entrada ${e.index} (mandato ${e.term}): ${e.command}`,
    replicate: (e) => {
      const what =
        e.fromIndex === e.toIndex
          ? `la entrada ${e.fromIndex}`
          : `las entradas ${e.fromIndex}–${e.toIndex}`;
      return `${S(e.server)} copió ${what} de ${S(e.leader)}`;
    },
    truncate: (e) =>
      `${S(e.server)} borró ${e.removed} ${plural(e.removed, 'entrada en conflicto', 'entradas en conflicto')} desde el índice ${e.fromIndex}`,
    commit: (e) => `${S(e.server)} confirmó hasta la entrada ${e.index}`,
    apply: (e) =>
      `${S(e.server)} aplicó la entrada ${e.index} (${e.command} → ${e.result})${e.duplicate ? ', respondida desde la tabla de sesiones' : ''}`,
    crash: (e) => `${S(e.server)} se cayó`,
    restart: (e) => `${S(e.server)} se reinició con su mandato, su voto y su registro`,
    membership: (e) => describeMembership(e, 'es'),
    transfer: (e) => describeTransfer(e, 'es'),
    read: (e, ctx) => describeRead(e, 'es', ctx),
    snapshot: (e) => describeSnapshot(e, 'es'),
    installSnapshot: (e) => describeSnapshot(e, 'es'),
    clientSend: (e) =>
      e.attempt > 1
        ? `${C(e.client)} reintentó la petición #${e.seq} "${e.command}" en ${S(e.server)} (intento ${e.attempt})`
        : `${C(e.client)} envió la petición #${e.seq} "${e.command}" a ${S(e.server)}`,
    clientRedirect: (e, ctx) => {
      const what = ctx.command === undefined ? `#${e.seq}` : `"${ctx.command}"`;
      return e.leaderHint === null
        ? `${S(e.server)} rechazó la petición ${what} de ${C(e.client)}: no conoce a ningún líder`
        : `${S(e.server)} redirigió la petición ${what} de ${C(e.client)} a ${S(e.leaderHint)}`;
    },
    clientReply: (e) =>
      `${S(e.server)} respondió a la petición #${e.seq} de ${C(e.client)}: ${describeResult(e.result, 'es')}`,
    clientLateReply: (e) =>
      `${C(e.client)} ignoró una respuesta tardía de ${S(e.server)} a la petición #${e.seq}: ${describeResult(e.result, 'es')}`,
    violation: (e) => {
      const v = e.violation;
      return violationLine(v, 'es');
    },
  },
};

const PT: Phrases = {
  invariants: INVARIANT_NAMES_PT,
  action: {
    crash: (a) => `derrubar ${S(a.server)}`,
    restart: (a) => `reiniciar ${S(a.server)}`,
    timeout: (a) => `forçar o timeout de ${S(a.server)}`,
    partition: (a) => `particionar a rede em ${a.groups.map(groupList).join(' | ')}`,
    heal: () => 'reparar a rede',
    cut: (a) => `cortar o link ${link(a.link)}`,
    connect: (a) => `reconectar o link ${link(a.link)}`,
    request: (a) => {
      const who = a.client === undefined ? 'um cliente' : C(a.client);
      const where = a.server === undefined ? 'o líder que ele conhece' : S(a.server);
      return `${who} envia "${a.command}" para ${where}`;
    },
    drop: (a) => `descartar a mensagem #${a.message}`,
    dropInFlight: (a) => {
      const what = a.type === undefined ? 'mensagens' : `mensagens ${a.type}`;
      const from = a.from === undefined ? '' : ` de ${endpointName(a.from)}`;
      const to = a.to === undefined ? '' : ` para ${endpointName(a.to)}`;
      return `descartar todas as ${what} em trânsito${from}${to}`;
    },
    network: () => 'mudar as configurações da rede',
    linkLatency: (a) =>
      a.latencyMs === null
        ? `redefinir a latência de ${link(a.link)}`
        : `definir a latência de ${link(a.link)} em ${a.latencyMs[0]}–${a.latencyMs[1]} ms`,
    nextTimeout: (a) => `fazer o próximo timeout de eleição de ${S(a.server)} durar ${a.ms} ms`,
    addServer: (a) =>
      `${admin(a, 'pt')} pede ${via(a, 'pt')} que adicione ${S(a.server)} como eleitor`,
    removeServer: (a) =>
      `${admin(a, 'pt')} pede ${via(a, 'pt')} que remova ${S(a.server)} do cluster`,
    addLearner: (a) =>
      `${admin(a, 'pt')} pede ${via(a, 'pt')} que adicione ${S(a.server)} como aprendiz (recebe o log, nunca vota)`,
    promote: (a) =>
      `${admin(a, 'pt')} pede ${via(a, 'pt')} que promova o aprendiz ${S(a.server)} a eleitor`,
    reconfigure: (a) =>
      `${admin(a, 'pt')} pede ${via(a, 'pt')} que mude os eleitores para ${groupList(a.members)} (consenso conjunto)`,
    transfer: (a) => `passar a liderança para ${S(a.server)} (transferência de liderança)`,
  },
  event: {
    action: (e) => `Ação: ${describeAction(e.action, 'pt')}`,
    drop: (e) =>
      `A mensagem #${e.id} (${e.msg} ${endpointName(e.from)}→${endpointName(e.to)}) foi descartada manualmente`,
    electionStart: (e) =>
      `${S(e.server)} ${e.forced ? 'foi forçado a esgotar seu temporizador' : 'esgotou seu temporizador'} e iniciou uma eleição para o mandato ${e.term}`,
    vote: (e) =>
      `${S(e.voter)} ${e.granted ? 'concedeu seu voto a' : 'negou seu voto a'} ${S(e.candidate)} no mandato ${e.term}`,
    preVoteStart: (e) =>
      `${S(e.server)} esgotou seu temporizador e perguntou se poderia vencer o mandato ${e.term}, sem mudar seu mandato (PreVote)`,
    preVote: (e) =>
      `${S(e.voter)} ${e.granted ? 'votaria' : 'não votaria'} em ${S(e.candidate)} no mandato ${e.term} (pré-voto)`,
    voteIgnored: (e) =>
      `${S(e.voter)} ignorou o pedido de ${S(e.candidate)} para o mandato ${e.term}: ouviu seu líder há pouco (CheckQuorum)`,
    quorumLost: (e) =>
      `${S(e.server)} só ouviu ${e.active} servidores em um timeout de eleição e deixou de ser líder (CheckQuorum)`,
    becomeLeader: (e, ctx) => {
      if (ctx.votes === undefined)
        return `${S(e.server)} venceu a eleição para o mandato ${e.term}`;
      const of = ctx.servers === undefined ? '' : ` de ${ctx.servers}`;
      return `${S(e.server)} venceu a eleição para o mandato ${e.term} com ${ctx.votes}${of} ${plural(ctx.votes, 'voto', 'votos')}`;
    },
    stepDown: (e) => {
      if (e.from === 'candidate' || e.from === 'precandidate') {
        return `${S(e.server)} desistiu da candidatura e virou seguidor no mandato ${e.term}`;
      }
      return e.from === 'leader'
        ? `${S(e.server)} deixou de ser líder e virou seguidor no mandato ${e.term}`
        : `${S(e.server)} viu um mandato mais novo e passou para o mandato ${e.term} (F2-A2)`;
    },
    append: (e) =>
      e.command === 'noop'
        ? `${S(e.server)} anexou um no-op na entrada ${e.index} para o mandato ${e.term}`
        : `${S(e.server)} anexou a entrada ${e.index} (mandato ${e.term}): ${e.command}`,
    replicate: (e) => {
      const what =
        e.fromIndex === e.toIndex
          ? `a entrada ${e.fromIndex}`
          : `as entradas ${e.fromIndex}–${e.toIndex}`;
      return `${S(e.server)} copiou ${what} de ${S(e.leader)}`;
    },
    truncate: (e) =>
      `${S(e.server)} apagou ${e.removed} ${plural(e.removed, 'entrada conflitante', 'entradas conflitantes')} a partir do índice ${e.fromIndex}`,
    commit: (e) => `${S(e.server)} confirmou até a entrada ${e.index}`,
    apply: (e) =>
      `${S(e.server)} aplicou a entrada ${e.index} (${e.command} → ${e.result})${e.duplicate ? ', respondida pela tabela de sessões' : ''}`,
    crash: (e) => `${S(e.server)} caiu`,
    restart: (e) => `${S(e.server)} reiniciou com seu mandato, seu voto e seu log`,
    membership: (e) => describeMembership(e, 'pt'),
    transfer: (e) => describeTransfer(e, 'pt'),
    read: (e, ctx) => describeRead(e, 'pt', ctx),
    snapshot: (e) => describeSnapshot(e, 'pt'),
    installSnapshot: (e) => describeSnapshot(e, 'pt'),
    clientSend: (e) =>
      e.attempt > 1
        ? `${C(e.client)} tentou de novo a requisição #${e.seq} "${e.command}" em ${S(e.server)} (tentativa ${e.attempt})`
        : `${C(e.client)} enviou a requisição #${e.seq} "${e.command}" para ${S(e.server)}`,
    clientRedirect: (e, ctx) => {
      const what = ctx.command === undefined ? `#${e.seq}` : `"${ctx.command}"`;
      return e.leaderHint === null
        ? `${S(e.server)} recusou a requisição ${what} de ${C(e.client)}: não conhece nenhum líder`
        : `${S(e.server)} redirecionou a requisição ${what} de ${C(e.client)} para ${S(e.leaderHint)}`;
    },
    clientReply: (e) =>
      `${S(e.server)} respondeu à requisição #${e.seq} de ${C(e.client)}: ${describeResult(e.result, 'pt')}`,
    clientLateReply: (e) =>
      `${C(e.client)} ignorou uma resposta atrasada de ${S(e.server)} à requisição #${e.seq}: ${describeResult(e.result, 'pt')}`,
    violation: (e) => {
      const v = e.violation;
      return violationLine(v, 'pt');
    },
  },
};

const PHRASES: Readonly<Record<Exclude<Language, 'en'>, Phrases>> = { es: ES, pt: PT };

function describeActionIn(p: Phrases, a: Action): string {
  // One template per kind; TypeScript cannot correlate the kind with its template's parameter.
  return (p.action[a.do] as (a: Action) => string)(a);
}

function describeEventIn(p: Phrases, e: SimEvent, ctx: DescribeContext): string | null {
  if (e.type === 'send' || e.type === 'deliver') return null;
  return (p.event[e.type] as (e: SimEvent, ctx: DescribeContext) => string)(e, ctx);
}
