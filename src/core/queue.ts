/**
 * The event queue: a binary min-heap ordered by (time, insertion sequence), so no tie is ever left
 * to the heap's internal order (the design notes). Plain arrays, so a checkpoint can copy it.
 */
import type { ClientId, TimeMs } from './types.ts';

export type QueueItem =
  | { at: TimeMs; seq: number; kind: 'deliver'; message: number }
  | { at: TimeMs; seq: number; kind: 'clientTimer'; client: ClientId; gen: number };

function before(a: QueueItem, b: QueueItem): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export function heapPush(heap: QueueItem[], item: QueueItem): void {
  heap.push(item);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent] as QueueItem;
    if (!before(item, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = item;
}

export function heapPeek(heap: readonly QueueItem[]): QueueItem | undefined {
  return heap[0];
}

export function heapPop(heap: QueueItem[]): QueueItem | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  let i = 0;
  const n = heap.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r] as QueueItem, heap[l] as QueueItem) ? r : l;
    const c = heap[child] as QueueItem;
    if (!before(c, last)) break;
    heap[i] = c;
    i = child;
  }
  heap[i] = last;
  return top;
}
