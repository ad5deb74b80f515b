/**
 * window.raftLab.state() carries each server's `membership` and `snapshot` (the design contract,
 * "Membership, compaction, transfer and reads"), and a change made through the store's action path
 * shows up there.
 */
import { describe, expect, it } from 'vitest';
import { createAutomation } from '../../src/services/automation.ts';
import { withDefaults } from '../../src/core/index.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { Driver } from '../../src/store/driver.ts';

const driver = { frames: 0 } as unknown as Driver;

function labOf3of5() {
  const store = createLabStore({
    speed: 10,
    clock: () => 0,
    setup: { seed: 7, config: withDefaults({ servers: 5, members: [1, 2, 3] }), actions: [] },
  });
  return { store, lab: createAutomation(store, driver) };
}

describe('window.raftLab.state() membership', () => {
  it('gives every server its membership and a null snapshot', () => {
    const { lab } = labOf3of5();
    const servers = lab.state().servers;
    expect(servers).toHaveLength(5);
    for (const s of servers) expect(s.snapshot).toBeNull();
    expect(servers[0]?.membership).toEqual({
      voters: [1, 2, 3],
      learners: [],
      index: 0,
      committed: true,
    });
    expect(servers[4]?.membership.voters).toEqual([]);
  });

  it('shows a change made through the store once it commits', () => {
    const { store, lab } = labOf3of5();
    const playTo = (ms: number): void => {
      store.getState().play();
      while (store.getState().frame.time < ms) store.getState().tick(50);
      store.getState().pause();
    };
    playTo(2000);
    store.getState().act({ do: 'addServer', server: 4 });
    playTo(6000);
    const leader = lab.state().servers.find((s) => s.role === 'leader' && !s.crashed);
    expect(leader?.membership.voters).toEqual([1, 2, 3, 4]);
    expect(leader?.membership.committed).toBe(true);
    expect(leader?.membership.index).toBeGreaterThan(0);
  });
});
