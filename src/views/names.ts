/**
 * The short words of the first frame, shared by the views: times, server and client names, status
 * glyphs, the invariants' names and a state machine's answers. The feed's sentences (format.ts,
 * which re-exports these) come in a chunk of their own after the first paint.
 */
import { EN_T, translator, type Language, type Translate } from '../i18n/index.ts';
import type { Endpoint, InvariantId, RefusalReason, Role, TimeMs } from '../core/types.ts';

export { formatDuration, formatTime } from '../i18n/time.ts';
import { formatDuration } from '../i18n/time.ts';

/** How far ahead a deadline is: "in 40 ms", or "now" once it has passed, in t's language. */
export function formatDue(
  dueMs: TimeMs,
  now: TimeMs,
  t: Translate = EN_T,
  lang: Language = 'en',
): string {
  const delta = dueMs - now;
  return delta > 0 ? t('due.in', { time: formatDuration(delta, lang) }) : t('due.now');
}

export function serverName(id: number): string {
  return `S${id}`;
}

export function clientName(id: number): string {
  return `C${id}`;
}

/** What a server is doing; a crashed server has a role in memory but is not playing it. */
export type ServerStatus = Role | 'crashed';

export function serverStatus(s: { role: Role; crashed: boolean }): ServerStatus {
  return s.crashed ? 'crashed' : s.role;
}

/** A glyph per status, so the role reads without colour (WCAG 1.4.1). */
export const STATUS_GLYPH: Readonly<Record<ServerStatus, string>> = {
  leader: '★',
  precandidate: '◌',
  candidate: '◇',
  follower: '○',
  crashed: '✕',
};

/** Servers are positive endpoints, client k is endpoint -k (types.ts). */
export function endpointName(ep: Endpoint): string {
  return ep < 0 ? clientName(-ep) : serverName(ep);
}

export const INVARIANT_NAMES: Readonly<Record<InvariantId, string>> = {
  'INV-ES': 'Election Safety',
  'INV-LAO': 'Leader Append-Only',
  'INV-LM': 'Log Matching',
  'INV-LC': 'Leader Completeness',
  'INV-SMS': 'State Machine Safety',
  'INV-X1': 'terms never decrease',
  'INV-X2': 'no entry from a future term',
  'INV-X3': 'entry terms never decrease along a log',
  'INV-X4': 'commitIndex within the log',
  'INV-X5': 'lastApplied ≤ commitIndex',
  'INV-X6': 'commit and apply never go back',
  'INV-X7': 'one vote per term',
  'INV-X8': 'one candidate per voter and term',
  'INV-X9': 'committed prefixes agree',
  'INV-X10': 'every quorum holds each committed entry',
  'INV-X11': 'no log lacking a committed entry outranks a majority',
  'INV-X14': 'followers match the leader up to matchIndex',
  'INV-X15': 'one configuration change at a time, and only after a commit in the current term',
  'INV-C1': 'each client command runs once',
  'INV-C2': 'every answer fits one order of the commands that respects real time',
};

export const INVARIANT_NAMES_ES: Readonly<Record<InvariantId, string>> = {
  'INV-ES': 'Seguridad de la elección',
  'INV-LAO': 'El líder solo añade',
  'INV-LM': 'Coincidencia de registros',
  'INV-LC': 'Completitud del líder',
  'INV-SMS': 'Seguridad de la máquina de estados',
  'INV-X1': 'los mandatos nunca disminuyen',
  'INV-X2': 'ninguna entrada de un mandato futuro',
  'INV-X3': 'los mandatos de las entradas nunca disminuyen a lo largo de un registro',
  'INV-X4': 'commitIndex dentro del registro',
  'INV-X5': 'lastApplied ≤ commitIndex',
  'INV-X6': 'confirmar y aplicar nunca retroceden',
  'INV-X7': 'un voto por mandato',
  'INV-X8': 'un candidato por votante y mandato',
  'INV-X9': 'los prefijos confirmados coinciden',
  'INV-X10': 'cada quórum guarda cada entrada confirmada',
  'INV-X11': 'ningún registro sin una entrada confirmada supera a una mayoría',
  'INV-X14': 'los seguidores coinciden con el líder hasta matchIndex',
  'INV-X15':
    'un cambio de configuración a la vez, y solo tras confirmar una entrada del mandato actual',
  'INV-C1': 'cada comando de cliente se ejecuta una vez',
  'INV-C2': 'cada respuesta encaja en un orden de los comandos que respeta el tiempo real',
};

export const INVARIANT_NAMES_PT: Readonly<Record<InvariantId, string>> = {
  'INV-ES': 'Segurança da eleição',
  'INV-LAO': 'O líder só anexa',
  'INV-LM': 'Correspondência de logs',
  'INV-LC': 'Completude do líder',
  'INV-SMS': 'Segurança da máquina de estados',
  'INV-X1': 'mandatos nunca diminuem',
  'INV-X2': 'nenhuma entrada de um mandato futuro',
  'INV-X3': 'os mandatos das entradas nunca diminuem ao longo de um log',
  'INV-X4': 'commitIndex dentro do log',
  'INV-X5': 'lastApplied ≤ commitIndex',
  'INV-X6': 'confirmar e aplicar nunca retrocedem',
  'INV-X7': 'um voto por mandato',
  'INV-X8': 'um candidato por eleitor e mandato',
  'INV-X9': 'os prefixos confirmados concordam',
  'INV-X10': 'todo quórum guarda cada entrada confirmada',
  'INV-X11': 'nenhum log sem uma entrada confirmada supera uma maioria',
  'INV-X14': 'os seguidores coincidem com o líder até matchIndex',
  'INV-X15':
    'uma mudança de configuração por vez, e só depois de confirmar uma entrada do mandato atual',
  'INV-C1': 'cada comando de cliente é executado uma vez',
  'INV-C2': 'cada resposta cabe em uma ordem dos comandos que respeita o tempo real',
};

const INVARIANT_WORDS = { es: INVARIANT_NAMES_ES, pt: INVARIANT_NAMES_PT } as const;

/** An invariant's short description in `lang` (English by default); the ID itself never changes. */
export function invariantName(id: InvariantId, lang: Language = 'en'): string {
  return lang === 'en' ? INVARIANT_NAMES[id] : (INVARIANT_WORDS[lang][id] ?? INVARIANT_NAMES[id]);
}

/** Why a leader refused a membership change, in each language (the reason code is shown next to it). */
export const REASON_WORDS: Readonly<Record<Language, Readonly<Record<RefusalReason, string>>>> = {
  en: {
    inProgress: 'a change is already in progress',
    noCommitThisTerm: 'it has not committed an entry of its own term yet',
    alreadyMember: 'that server already votes',
    notMember: 'it is not in any configuration',
    notLearner: 'that server is not a learner',
    lastVoter: 'it would remove the last voter',
    unknownServer: 'there is no such server',
    catchUpFailed: 'the new server did not catch up in time',
  },
  es: {
    inProgress: 'ya hay un cambio en curso',
    noCommitThisTerm: 'aún no confirmó ninguna entrada de su mandato',
    alreadyMember: 'ese servidor ya vota',
    notMember: 'no está en ninguna configuración',
    notLearner: 'ese servidor no es aprendiz',
    lastVoter: 'quitaría al último votante',
    unknownServer: 'ese servidor no existe',
    catchUpFailed: 'el servidor nuevo no se puso al día a tiempo',
  },
  pt: {
    inProgress: 'já há uma mudança em andamento',
    noCommitThisTerm: 'ainda não confirmou nenhuma entrada do seu mandato',
    alreadyMember: 'esse servidor já vota',
    notMember: 'ele não está em nenhuma configuração',
    notLearner: 'esse servidor não é aprendiz',
    lastVoter: 'removeria o último eleitor',
    unknownServer: 'esse servidor não existe',
    catchUpFailed: 'o servidor novo não se atualizou a tempo',
  },
};

/**
 * A state machine's answer in `lang`: `ok`, `(nil)`, a failed `cas`, an error, or a membership
 * change's `refused: inProgress`, each glossed in words; a value read or counted is shown as it is.
 */
export function describeResult(result: string, lang: Language = 'en'): string {
  const m = /^refused: (\w+)$/.exec(result);
  const reasons = REASON_WORDS[lang] ?? REASON_WORDS.en;
  if (m !== null && Object.hasOwn(reasons, m[1] ?? '')) {
    return `${result} (${reasons[m[1] as RefusalReason]})`;
  }
  const t = translator(lang);
  if (result === 'ok') return t('result.ok');
  if (result === '(nil)') return t('result.nil');
  if (result === 'error: bad command') return t('result.badCommand');
  if (result === 'error: stale request') return t('result.stale');
  if (/^fail: /.test(result)) return t('result.fail', { result });
  return result;
}
