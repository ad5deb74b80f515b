/**
 * What a recorder tells the space-time log before the log's code has arrived (the served build
 * loads spaceTime.ts after the first paint: spaceTimeCodeLazy.ts). The calls are kept in order,
 * as they were made, and replayed into a real log when it arrives, so that log ends exactly as if
 * it had been there from the first event: it is a function of its calls alone. Events are held by
 * reference: the core never changes an event it has emitted (recorder.ts, keepEvent), and the
 * log keeps a message's body by reference anyway.
 *
 * Usually this holds a fraction of a second of a run (the chunk arrives right after the first
 * paint); it grows with the run only while the chunk cannot load (then the diagram's pane, which
 * asks for it again, says so).
 */
import type { MessageBody, SimEvent } from '../core/types.ts';
import type { InitialServer, SavedSpaceTime, SpaceTimeLog } from './spaceTime.ts';

type Call =
  | { readonly event: SimEvent; readonly ordinal: number; readonly body: MessageBody | undefined }
  | { readonly truncate: number; readonly nowMs: number };

/** A queue's copy (save()), for a timeline set aside: told from a log's copy by `queued`. */
export interface SavedQueue {
  readonly queued: true;
  readonly initial: readonly InitialServer[];
  readonly calls: readonly Call[];
}

export class SpaceTimeQueue {
  private initial: readonly InitialServer[] = [];
  private calls: Call[] = [];
  /** Nothing reads a queue's contents: the views see no log until it arrives. */
  readonly version = 0;

  reset(initial: readonly InitialServer[]): void {
    this.initial = initial;
    this.calls = [];
  }

  observe(event: SimEvent, ordinal: number, body?: MessageBody): void {
    this.calls.push({ event, ordinal, body });
  }

  truncate(emitted: number, nowMs: number): void {
    this.calls.push({ truncate: emitted, nowMs });
  }

  get length(): number {
    return this.calls.length;
  }

  save(): SavedQueue {
    return { queued: true, initial: this.initial, calls: this.calls.slice() };
  }

  load(saved: SavedQueue): void {
    this.initial = saved.initial;
    this.calls = saved.calls.slice();
  }

  /** Tells `log` everything this queue was told, from its reset on. */
  replayInto(log: SpaceTimeLog): void {
    replay(this.save(), log);
  }
}

/** Whether a saved space-time is a queue's (save() before the log's code arrived). */
export function isSavedQueue(saved: SavedSpaceTime | SavedQueue): saved is SavedQueue {
  return 'queued' in saved && saved.queued === true;
}

/** Tells `log` the calls a queue saved, from its reset on. */
export function replay(saved: SavedQueue, log: SpaceTimeLog): void {
  log.reset(saved.initial);
  for (const call of saved.calls) {
    if ('event' in call) log.observe(call.event, call.ordinal, call.body);
    else log.truncate(call.truncate, call.nowMs);
  }
}
