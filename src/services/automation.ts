/**
 * A read-only handle for automation and tests: `window.raftLab.state()` returns the run in the
 * exact shape of `npm run sim -- --json` plus whether it is playing, and the driver's frame
 * counter that lets a test check the lab is idle while paused. Nothing here can change the run.
 * Its violations include the store's INV-C2 check of the clients' history (historyCheck.ts), as
 * `npm run sim` merges its own.
 *
 * The one exception is opt-in: on a page opened with `?testFaults`, `faults` lets a browser test
 * make the recorder or a panel throw, as an internal error would, to check that the page lives
 * on and the run is kept. Without that flag the handle has no `faults`.
 */
import type { RunResult, ServerSummary, ViolationSummary } from '../core/types.ts';
import type { Driver } from '../store/driver.ts';
import type { LabStore } from '../store/types.ts';
import { armPanelFault } from './faults.ts';

export interface LabAutomationState {
  time: number;
  playing: boolean;
  traceHash: string;
  violations: ViolationSummary[];
  servers: ServerSummary[];
}

export interface LabAutomation {
  state: () => LabAutomationState;
  /** Animation frames the playback driver has run (0 growth while paused: no busy loop). */
  driverFrames: () => number;
  /** The fractional time the views draw (for frame-exactness checks). */
  displayTime: () => number;
  /**
   * The messages the space-time diagram draws in [fromMs, toMs] at the current position (sent by
   * then, some part of the arrow in the window), with their status there.
   */
  messages: (fromMs: number, toMs: number) => LabMessageSummary[];
  /** Ids of the messages in flight in the current frame (what the cluster view draws moving). */
  inFlightIds: () => number[];
  /** Test hooks, only with `?testFaults`: internal errors on demand. */
  faults?: LabFaults;
}

export interface LabMessageSummary {
  id: number;
  from: number;
  to: number;
  type: string;
  term: number | null;
  sentMs: number;
  status: 'delivered' | 'dropped' | 'flight';
  endMs: number | null;
  dropReason: string | null;
}

export interface LabFaults {
  /** The next event the simulation emits throws `message` (once). */
  recorder: (message: string) => void;
  /** The panel (App.tsx PanelBoundary name) throws `message` on each render until disarmed. */
  panel: (name: string, message: string | null) => void;
}

declare global {
  interface Window {
    raftLab?: LabAutomation;
  }
}

export function createAutomation(
  store: LabStore,
  driver: Driver,
  options: { faults?: boolean } = {},
): LabAutomation {
  const faults: LabFaults | undefined = options.faults
    ? Object.freeze({
        recorder: (message: string) => store.getState().injectFault(message),
        panel: armPanelFault,
      })
    : undefined;
  return Object.freeze({
    ...(faults ? { faults } : {}),
    state: (): LabAutomationState => {
      const s = store.getState();
      const result: RunResult = s.result();
      return {
        time: result.time,
        playing: s.playing,
        traceHash: result.traceHash,
        violations: [
          ...result.violations,
          ...s.historyViolations.map(({ invariant, time, servers, message }) => ({
            invariant,
            time,
            servers: [...servers],
            message,
          })),
        ],
        servers: result.servers,
      };
    },
    driverFrames: () => driver.frames,
    // Between a sleeping driver's ticks: the time shown now (store/driver.ts).
    displayTime: () => {
      store.getState().catchUp();
      return store.getState().displayTime;
    },
    messages: (fromMs: number, toMs: number): LabMessageSummary[] => {
      const s = store.getState();
      const position = { timeMs: s.frame.time, emitted: s.spaceTime.emitted };
      const log = s.spaceTime.log;
      // Loaded right after the first paint (spaceTimeCodeLazy.ts): a test asking sooner is told.
      if (log === null) throw new Error('The space-time record is still loading.');
      return log.messagesIn(fromMs, toMs, position).map(({ record, status }) => ({
        id: record.id,
        from: record.from,
        to: record.to,
        type: record.type,
        term: record.term,
        sentMs: record.sentMs,
        status,
        endMs: status === 'flight' ? null : record.endMs,
        dropReason: status === 'dropped' ? record.dropReason : null,
      }));
    },
    inFlightIds: () => store.getState().frame.inFlight.map((m) => m.id),
  });
}
