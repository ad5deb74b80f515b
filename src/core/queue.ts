/**
 * The event queue: a binary min-heap ordered by (time, insertion sequence), so no tie is ever left
 * to the heap's internal order (the design notes). It is one flat list of numbers, three per item
 * (time, sequence, what), rather than an object per item: a run pushes one item per message sent,
 * and a list of small integers is plain data a checkpoint copies cheaply.
 *
 * What an item is: a message id (> 0) to deliver, or a client's timer as -(gen · 16 + client)
 * (clientTimerRef), where gen is the client's timer generation when it was set.
 */
import type { ClientId, TimeMs } from './types.ts';

/** The queue: items at 3k (time), 3k + 1 (sequence) and 3k + 2 (what). */
export type Queue = number[];

/** Client ids are below this (MAX_CLIENTS is 9). */
const CLIENT_SLOTS = 16;

export function clientTimerRef(client: ClientId, gen: number): number {
  return -(gen * CLIENT_SLOTS + client);
}

/** The client of a client timer's reference. */
export function timerClient(ref: number): ClientId {
  return -ref % CLIENT_SLOTS;
}

/** The generation of a client timer's reference. */
export function timerGen(ref: number): number {
  return Math.floor(-ref / CLIENT_SLOTS);
}

/** Whether item i (an item's position, not its first number's) goes before item j. */
function before(heap: Queue, i: number, j: number): boolean {
  const a = heap[3 * i] as number;
  const b = heap[3 * j] as number;
  return a < b || (a === b && (heap[3 * i + 1] as number) < (heap[3 * j + 1] as number));
}

function swap(heap: Queue, i: number, j: number): void {
  for (let k = 0; k < 3; k++) {
    const t = heap[3 * i + k] as number;
    heap[3 * i + k] = heap[3 * j + k] as number;
    heap[3 * j + k] = t;
  }
}

export function heapPush(heap: Queue, at: TimeMs, seq: number, ref: number): void {
  heap.push(at, seq, ref);
  let i = heap.length / 3 - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap, i, parent)) break;
    swap(heap, i, parent);
    i = parent;
  }
}

/** Number of items. */
export function heapSize(heap: Queue): number {
  return heap.length / 3;
}

/** The top item's time (call only when the queue holds an item). */
export function topAt(heap: Queue): TimeMs {
  return heap[0] as number;
}

export function topSeq(heap: Queue): number {
  return heap[1] as number;
}

export function topRef(heap: Queue): number {
  return heap[2] as number;
}

/** Removes the top item (if any). */
export function heapPop(heap: Queue): void {
  // The last item moves to the top, then down (pop, not a length write: that is a runtime call).
  const ref = heap.pop();
  const seq = heap.pop();
  const at = heap.pop();
  const n = heap.length / 3;
  if (n === 0 || at === undefined || seq === undefined || ref === undefined) return;
  heap[0] = at;
  heap[1] = seq;
  heap[2] = ref;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap, r, l) ? r : l;
    if (!before(heap, child, i)) break;
    swap(heap, i, child);
    i = child;
  }
}
