/**
 * Why a scenario file or a share link was refused, as data: a code and its parameters, never a
 * sentence. The words are chosen where the reader's language is known (src/i18n/refusalText.ts
 * for the app, in English, Spanish and Portuguese; the CLI words the same codes in English).
 *
 * Parameters that quote the input (`got`, a field's path, a list of allowed values) are
 * language-neutral: JSON literals, field names and numbers.
 */

/** A value the input held, shown back as "(got …)". */
export type Got =
  /** A number, a quoted (JSON-escaped, shortened) string, true, false, null or NaN, as written. */
  | { kind: 'literal'; text: string }
  | { kind: 'nothing' }
  | { kind: 'list'; length: number }
  | { kind: 'object' }
  /** Anything else, by its JavaScript type name (only non-JSON input reaches this). */
  | { kind: 'other'; type: string };

/** What is wrong with one field. */
export type FieldProblem =
  | { code: 'unknownField' }
  | { code: 'required' }
  | { code: 'requiredAction'; known: string }
  | { code: 'unknownAction'; got: Got; known: string }
  | { code: 'number' | 'integer' | 'text' | 'boolean' | 'list' | 'object'; got: Got }
  | { code: 'atLeast'; min: number; got: Got }
  | { code: 'atMost'; max: number; got: Got }
  | { code: 'maxLength' | 'minLength'; limit: number; unit: 'chars' | 'items'; length: number }
  | { code: 'exactItems'; count: number }
  | { code: 'untilForm' | 'captionForm' | 'noForm'; got: Got }
  | { code: 'oneOf'; options: string; got: Got }
  /** `pair` is the list as written, such as `[300, 100]`. */
  | { code: 'minAboveMax' | 'ratio' | 'sameServer'; pair: string }
  | { code: 'notCommand' | 'notLogCommand'; got: Got }
  | { code: 'sameBugTwice' | 'sameServerTwice' | 'endpointZero' }
  | { code: 'newerVersion'; version: number; reads: number }
  | { code: 'version'; expected: number; got: Got }
  | { code: 'noServer'; server: number; servers: number }
  | { code: 'inTwoGroups' | 'inNoGroup'; server: number }
  | { code: 'leaseNeedsCheckQuorum' | 'followerReadsNeedReadIndex' }
  | { code: 'termDecreases'; term: number; previous: number }
  | { code: 'termAboveServer'; term: number; serverTerm: number }
  | { code: 'onePerServer'; servers: number; length: number }
  | { code: 'viewTooFar'; steps: number; max: number }
  /** A check without a coded problem (none today): the field is named, the problem is not. */
  | { code: 'invalid' };

/** Where the JSON text goes wrong (jsonError.ts). */
export type JsonProblem =
  | 'endOfText'
  | 'controlCharacter'
  | 'badEscape'
  | 'unterminatedString'
  | 'expectedValue'
  | 'expectedValueComma'
  | 'expectedValueQuotes'
  | 'expectedKey'
  | 'expectedColon'
  | 'textAfterEnd'
  | 'expectedCommaOrBrace'
  | 'expectedCommaOrBracket';

export type Refusal =
  /** `path` is like `actions[3].server`; '' is the scenario itself. */
  | { code: 'field'; path: string; problem: FieldProblem }
  | { code: 'textTooLarge'; chars: number; limit: number }
  | { code: 'malformedJson'; line: number; column: number; problem: JsonProblem }
  /** JSON.parse failed where the scanner saw nothing wrong (not expected to happen). */
  | { code: 'malformedJsonSomewhere' }
  // Files (services/share/openScenario.ts).
  | { code: 'fileTooLarge'; bytes: number; limit: number }
  | { code: 'fileNotUtf8' }
  | { code: 'fileUnreadable' }
  // Share links (link.ts, bytes.ts).
  | { code: 'notALink' }
  | { code: 'noLinkVersion' }
  | { code: 'newerLink'; version: number; reads: number }
  | { code: 'unknownLinkVersion'; version: number }
  | { code: 'checksumMissing' | 'checksumIncomplete' | 'checksumMalformed' | 'checksumMismatch' }
  | { code: 'linkTooLong'; chars: number; limit: number }
  | { code: 'inputTooLong'; chars: number }
  | { code: 'base64Length' }
  | { code: 'base64Character'; position: number }
  | { code: 'unpackedTooLarge'; limit: number }
  | { code: 'compressedInvalid' }
  | { code: 'contentNotUtf8' }
  /** Sharing: the run is too big for a link (`chars` of payload, `limit` at most). */
  | { code: 'tooLargeForLink'; chars: number; limit: number }
  /** Sharing: the run itself does not pass the schema. */
  | { code: 'runNotShareable'; reason: Refusal };

export type RefusalCode = Refusal['code'];

/** A refusal about one field. */
export function fieldRefusal(path: string, problem: FieldProblem): Refusal {
  return { code: 'field', path, problem };
}

/** Most damaged links were cut or altered on the way (a chat app, a line break). */
export function isDamagedLink(refusal: Refusal): boolean {
  switch (refusal.code) {
    case 'checksumMissing':
    case 'checksumIncomplete':
    case 'checksumMalformed':
    case 'checksumMismatch':
    case 'base64Length':
    case 'base64Character':
    case 'compressedInvalid':
    case 'contentNotUtf8':
      return true;
    default:
      return false;
  }
}

/**
 * Valibot checks carry a message; ours carry a coded problem instead, as JSON behind this marker,
 * so issues.ts can turn the issue back into data.
 */
const MARK = 'raftlab-problem:';

export function problemMessage(problem: FieldProblem): string {
  return `${MARK}${JSON.stringify(problem)}`;
}

export function problemOfMessage(message: string): FieldProblem | null {
  if (!message.startsWith(MARK)) return null;
  try {
    return JSON.parse(message.slice(MARK.length)) as FieldProblem;
  } catch {
    return null;
  }
}
