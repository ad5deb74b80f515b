/**
 * A read-only handle for automation and tests: `window.raftLab.state()` returns the run in the
 * exact shape of `npm run sim -- --json` plus whether it is playing, and the driver's frame
 * counter that lets a test check the lab is idle while paused. Nothing here can change the run.
 */
import type { RunResult, ServerSummary, ViolationSummary } from '../core/types.ts';
import type { Driver } from '../store/driver.ts';
import type { LabStore } from '../store/types.ts';

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
}

declare global {
  interface Window {
    raftLab?: LabAutomation;
  }
}

export function createAutomation(store: LabStore, driver: Driver): LabAutomation {
  return Object.freeze({
    state: (): LabAutomationState => {
      const s = store.getState();
      const result: RunResult = s.result();
      return {
        time: result.time,
        playing: s.playing,
        traceHash: result.traceHash,
        violations: result.violations,
        servers: result.servers,
      };
    },
    driverFrames: () => driver.frames,
    displayTime: () => store.getState().displayTime,
  });
}
