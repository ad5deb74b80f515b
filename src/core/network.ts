/**
 * The simulated network: latency per message, loss and duplication as integer ratios, partitions
 * into groups and single cut links. Every message is plain data and stays readable while in
 * flight; a message the network loses still travels and is reported as dropped when it arrives.
 */
import type { Endpoint, Message, Ratio, ServerId } from './types.ts';

export interface NetworkState {
  latencyMs: [number, number];
  loss: Ratio;
  duplication: Ratio;
  /** Partition: groups[serverId - 1] is the server's group; null when there is no partition. */
  groups: number[] | null;
  /** Cut links as "a-b" with a < b. */
  cut: string[];
  /** Per-link latency overrides, key "a-b" with a < b. */
  linkLatency: Record<string, [number, number]>;
  /** Every message sent and not yet delivered or dropped, ordered by id. */
  inFlight: Message[];
}

export function linkKey(a: ServerId, b: ServerId): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

/** Whether the network lets a message from `from` reach `to` right now. Clients reach everyone. */
export function linkOpen(net: NetworkState, from: Endpoint, to: Endpoint): boolean {
  if (from < 0 || to < 0 || from === to) return true;
  if (net.groups !== null && net.groups[from - 1] !== net.groups[to - 1]) return false;
  return net.cut.length === 0 || !net.cut.includes(linkKey(from, to));
}

/** Whether a record has any own key (without listing them). */
function hasKeys(record: Readonly<Record<string, unknown>>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

export function latencyRange(net: NetworkState, from: Endpoint, to: Endpoint): [number, number] {
  if (from > 0 && to > 0 && hasKeys(net.linkLatency)) {
    const override = net.linkLatency[linkKey(from, to)];
    if (override !== undefined) return override;
  }
  return net.latencyMs;
}

/** Turns partition groups (lists of server ids) into a group number per server. */
export function groupsOf(groups: readonly (readonly ServerId[])[], servers: number): number[] {
  const result = new Array<number>(servers).fill(0);
  groups.forEach((group, g) => {
    for (const id of group) if (id >= 1 && id <= servers) result[id - 1] = g;
  });
  return result;
}

/** Position of message `id` in `inFlight`, or -1. Messages are appended in id order: O(log n). */
export function indexOfInFlight(list: readonly Message[], id: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = list[mid] as Message;
    if (m.id === id) return mid;
    if (m.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function removeInFlight(net: NetworkState, id: number): Message | undefined {
  return takeInFlight(net, indexOfInFlight(net.inFlight, id));
}

/**
 * Removes and returns the message at position `at` of `inFlight` (undefined if there is none),
 * keeping the others in order; in place, without splice's array of removed items.
 */
export function takeInFlight(net: NetworkState, at: number): Message | undefined {
  if (at < 0) return undefined;
  const list = net.inFlight;
  const m = list[at];
  if (m === undefined) return undefined;
  for (let i = at + 1; i < list.length; i++) list[i - 1] = list[i] as Message;
  list.pop();
  return m;
}
