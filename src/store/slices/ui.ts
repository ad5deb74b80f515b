/**
 * The ui slice: what is selected, whether the help overlay is open, and the partition being
 * drawn. Nothing here changes the run until `applyPartition` turns the draft into an action.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ServerId } from '../../core/types.ts';
import { notice } from '../notice.ts';
import type { LabState, UiSlice } from '../types.ts';

/** Partition mode offers three groups: enough for every scenario of the rule catalogue (src/i18n/rules.ts)C. */
export const PARTITION_GROUPS = 3;

/** Turns a draft (group per server) into the `partition` action's groups, smallest group first. */
export function draftToGroups(draft: readonly number[]): ServerId[][] {
  const byGroup = new Map<number, ServerId[]>();
  draft.forEach((group, i) => byGroup.set(group, [...(byGroup.get(group) ?? []), i + 1]));
  return [...byGroup.keys()].sort((a, b) => a - b).map((g) => byGroup.get(g) ?? []);
}

type Creator = StateCreator<LabState, [], [], UiSlice>;

export const uiSlice: Creator = (set, get) => ({
  selection: null,
  logsView: 'logs',
  setLogsView: (logsView) => set({ logsView }),
  helpOpen: false,
  partitionDraft: null,
  openError: null,
  select: (selection) => set({ selection }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setOpenError: (openError) => set({ openError }),
  startPartition: () => {
    const { frame } = get();
    // Start from the partition in force, if any, so the mode also edits an existing split.
    const groups = frame.network.groups;
    const draft = frame.servers.map((_s, i) => (groups ? (groups[i] ?? 0) : 0) + 1);
    set({ partitionDraft: draft.map((g) => Math.min(PARTITION_GROUPS, Math.max(1, g))) });
  },
  cyclePartitionGroup: (server) => {
    const draft = get().partitionDraft;
    if (!draft || server < 1 || server > draft.length) return;
    const next = [...draft];
    next[server - 1] = ((draft[server - 1] ?? 1) % PARTITION_GROUPS) + 1;
    set({ partitionDraft: next });
  },
  setPartitionDraft: (groups) => {
    const draft = get().partitionDraft;
    if (!draft) return;
    const next = [...draft];
    groups.forEach((g, gi) => g.forEach((id) => (next[id - 1] = gi + 1)));
    set({ partitionDraft: next });
  },
  applyPartition: () => {
    const draft = get().partitionDraft;
    if (!draft) return;
    const groups = draftToGroups(draft);
    if (groups.length < 2) {
      set({ notice: notice('oneGroup') });
      return;
    }
    set({ partitionDraft: null });
    get().partition(groups);
  },
  cancelPartition: () => set({ partitionDraft: null }),
});
