/**
 * Share links (our design notes ("Scenarios and links")): the whole scenario rides in the URL fragment,
 *
 *   BASE#s=v1.<data>.<checksum>
 *
 * - `v1` is the link format version (a newer link says so instead of failing obscurely);
 * - `<data>` is base64url, unpadded, of the raw-DEFLATE-compressed UTF-8 JSON of the canonical
 *   scenario (compact, with the complete config, so it replays the same if defaults change);
 * - `<checksum>` is FNV-1a 32 of the compressed bytes, 8 lowercase hex digits. It covers the
 *   compressed bytes (not the JSON) so damage is reported before any inflating is done.
 * - the JSON may hold one field besides the scenario's: `view`, the sender's position on the
 *   timeline (linkView.ts). Being inside the compressed data, the checksum covers it too.
 *
 * Decoding treats the link as hostile: the payload is at most 64 KB of text, inflating stops at
 * 1 MB of output (a decompression bomb costs at most that), and the JSON then goes through
 * parseScenarioText like any file.
 */
import { deflateSync, Inflate } from 'fflate';
import { fnv1a32Bytes, fromBase64Url, hex8, toBase64Url } from './bytes.ts';
import { isPlainObject } from './fields.ts';
import { LIMITS } from './limits.ts';
import { hasLinkPayload, linkPayloadIn } from './linkPayload.ts';
import { parseView } from './linkView.ts';
import type { Refusal } from './refusal.ts';
import type { LinkView } from './linkView.ts';
import { canonicalScenario, parseScenario, parseScenarioText } from './schema.ts';
import type { Scenario } from './schema.ts';

export type { LinkView } from './linkView.ts';

/** A decoded link: its scenario and, when the sender shared a moment of the run, its position. */
export type LinkResult =
  { ok: true; scenario: Scenario; view?: LinkView } | { ok: false; refusal: Refusal };

export const LINK_VERSION = 1;
export const LINK_LIMITS = {
  /** Characters of the payload after `#s=`. */
  payloadChars: 65_536,
  /** Bytes of JSON after inflating. */
  jsonBytes: LIMITS.textChars,
} as const;

/** Input is consumed in small pieces so one piece can never inflate to much more than the cap. */
const INFLATE_CHUNK_BYTES = 256;

export const DEFAULT_LINK_BASE = 'https://raftlab.invalid/';

/** The `v1.<data>.<checksum>` payload of a scenario (and of a view position, if given). */
export function encodePayload(scenario: Scenario, view?: LinkView): string {
  const body = canonicalScenario(scenario);
  if (view !== undefined) body.view = { timeMs: view.timeMs, steps: view.steps };
  const json = JSON.stringify(body);
  const packed = deflateSync(new TextEncoder().encode(json), { level: 9 });
  return `v${LINK_VERSION}.${toBase64Url(packed)}.${hex8(fnv1a32Bytes(packed))}`;
}

/** Thrown by encodeLink: the scenario is too big for a link; `refusal` says by how much. */
export class LinkTooLargeError extends RangeError {
  constructor(readonly refusal: Extract<Refusal, { code: 'tooLargeForLink' }>) {
    super(
      `scenario too large for a link (${refusal.chars} characters; at most ${refusal.limit}); share it as a file`,
    );
  }
}

/**
 * A link to `base` that opens the scenario. Throws a LinkTooLargeError when the scenario is too
 * big to fit in a link (more than 64 KB of payload), since such a link could not be opened again.
 */
export function encodeLink(
  scenario: Scenario,
  base: string = DEFAULT_LINK_BASE,
  view?: LinkView,
): string {
  const payload = encodePayload(scenario, view);
  if (payload.length > LINK_LIMITS.payloadChars) {
    const limit = LINK_LIMITS.payloadChars;
    throw new LinkTooLargeError({ code: 'tooLargeForLink', chars: payload.length, limit });
  }
  const hash = base.indexOf('#');
  return `${hash === -1 ? base : base.slice(0, hash)}#s=${payload}`;
}

type Step<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

function refuse<T>(refusal: Refusal): Step<T> {
  return { ok: false, refusal };
}

/** Finds the payload in a full URL, a `#s=...` fragment, `s=...`, or the bare `v1....` payload. */
function findPayload(input: string): Step<string> {
  const payload = linkPayloadIn(input);
  return payload === null ? refuse({ code: 'notALink' }) : { ok: true, value: payload };
}

interface Pieces {
  data: string;
  checksum: string;
}

/** The data after `v<N>.` when N is the version this code reads. */
function versioned(payload: string): Step<string> {
  const match = /^v(\d{1,9})\.(.*)$/s.exec(payload);
  if (match === null) return refuse({ code: 'noLinkVersion' });
  const version = Number(match[1]);
  if (version > LINK_VERSION) return refuse({ code: 'newerLink', version, reads: LINK_VERSION });
  if (version !== LINK_VERSION) return refuse({ code: 'unknownLinkVersion', version });
  return { ok: true, value: match[2] ?? '' };
}

/** `<data>.<checksum>`; a link cut short loses its checksum first, so that names truncation. */
function splitChecksum(rest: string): Step<Pieces> {
  const dot = rest.lastIndexOf('.');
  if (dot === -1) return refuse({ code: 'checksumMissing' });
  const checksum = rest.slice(dot + 1);
  if (/^[0-9a-f]{8}$/.test(checksum))
    return { ok: true, value: { data: rest.slice(0, dot), checksum } };
  const cut = checksum.length < 8 && /^[0-9a-f]*$/.test(checksum);
  return refuse({ code: cut ? 'checksumIncomplete' : 'checksumMalformed' });
}

function splitPayload(payload: string): Step<Pieces> {
  if (payload.length > LINK_LIMITS.payloadChars) {
    const limit = LINK_LIMITS.payloadChars;
    return refuse({ code: 'linkTooLong', chars: payload.length, limit });
  }
  const rest = versioned(payload);
  return rest.ok ? splitChecksum(rest.value) : rest;
}

class TooLarge extends Error {}

/** Raw inflate that gives up as soon as the output passes `capBytes`. */
export function inflateCapped(packed: Uint8Array, capBytes: number): Step<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > capBytes) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < packed.length || i === 0; i += INFLATE_CHUNK_BYTES) {
      inflater.push(
        packed.subarray(i, i + INFLATE_CHUNK_BYTES),
        i + INFLATE_CHUNK_BYTES >= packed.length,
      );
    }
  } catch (error) {
    if (error instanceof TooLarge) {
      return refuse({ code: 'unpackedTooLarge', limit: capBytes });
    }
    return refuse({ code: 'compressedInvalid' });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, value: out };
}

function unpack(pieces: Pieces): Step<string> {
  const decoded = fromBase64Url(pieces.data);
  if (!decoded.ok) return decoded;
  if (hex8(fnv1a32Bytes(decoded.bytes)) !== pieces.checksum) {
    return refuse({ code: 'checksumMismatch' });
  }
  const inflated = inflateCapped(decoded.bytes, LINK_LIMITS.jsonBytes);
  if (!inflated.ok) return inflated;
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(inflated.value) };
  } catch {
    return refuse({ code: 'contentNotUtf8' });
  }
}

/** Whether a URL fragment holds a share link at all (other fragments belong to other features). */
export { hasLinkPayload };

/** The scenario and the optional `view` of a link's JSON (already bounded to 1 MB). */
function parseLinkJson(json: string): LinkResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // Parsing again names the line and column of the problem.
    return parseScenarioText(json);
  }
  if (!isPlainObject(value) || !('view' in value)) return parseScenario(value);
  const { view, ...rest } = value;
  const scenario = parseScenario(rest);
  if (!scenario.ok) return scenario;
  const position = parseView(view);
  return position.ok ? { ...scenario, view: position.view } : position;
}

/** Reads a share link (a URL, its fragment, or the bare payload) back into a scenario. */
export function decodeLink(urlOrFragment: string): LinkResult {
  if (urlOrFragment.length > LINK_LIMITS.payloadChars * 2) {
    return { ok: false, refusal: { code: 'inputTooLong', chars: urlOrFragment.length } };
  }
  const payload = findPayload(urlOrFragment);
  if (!payload.ok) return payload;
  const pieces = splitPayload(payload.value);
  if (!pieces.ok) return pieces;
  const json = unpack(pieces.value);
  if (!json.ok) return json;
  return parseLinkJson(json.value);
}
