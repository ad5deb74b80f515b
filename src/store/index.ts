export { createLabStore, DEFAULT_SEED, DEFAULT_SERVERS, DEFAULT_SPEED } from './createLabStore.ts';
export type { LabStoreInit } from './createLabStore.ts';
export { startDriver, browserDriverEnv } from './driver.ts';
export type { Driver, DriverEnv } from './driver.ts';
export {
  LabStoreProvider,
  useLab,
  useLabPaced,
  useLabShallow,
  useLabStore,
} from './context.tsx';
export type { Frame, FrameNetwork } from './frame.ts';
export { SPEED_MAX, SPEED_MIN } from './types.ts';
export type { LabState, LabStore, Selection, NetworkChange, RunInfo } from './types.ts';
export { clientCommand } from './interventions.ts';
export { PARTITION_GROUPS, draftToGroups } from './slices/ui.ts';
