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
  /** Test hooks, only with `?testFaults`: internal errors on demand. */
  faults?: LabFaults;
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
    displayTime: () => store.getState().displayTime,
  });
}
