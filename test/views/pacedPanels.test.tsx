// @vitest-environment happy-dom
/**
 * Text panels take turns while the lab plays at real time or faster (issue 11, "9 servers ... at
 * least 55 fps", "at 100x ... at least 55 fps"): from PACED_SPEED on the logs and the
 * inspector each take one frame in three and the feed one in nine (LANE_TURNS, useLabPaced),
 * while what reads the store with useLab (the ring, the clock) follows every frame. Paused, below
 * that speed, and on a render its parent asks for, a paced panel shows the current frame.
 */
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useDomRoot } from './domRoot.ts';
import { LabStoreProvider, useLab, useLabPaced } from '../../src/store/context.tsx';
import { createLabStore } from '../../src/store/index.ts';
import {
  LANE_FEED,
  LANE_INSPECTOR,
  LANE_LOGS,
  LANE_TURNS,
  NO_LANE,
  PACED_SPEED,
  PANEL_LANES,
  type LabState,
  type LabStore,
} from '../../src/store/types.ts';

const dom = useDomRoot();

const selectTime = (s: LabState) => s.frame.time;

/** Renders per probe, and the time each shows. */
const renders = new Map<string, number>();
const shown = (name: string): number =>
  Number(dom.host.querySelector(`[data-p="${name}"]`)?.textContent);

function Probe({ name, lane }: { name: string; lane: number | null }) {
  const time = lane === null ? useLab(selectTime) : useLabPaced(selectTime, lane);
  renders.set(name, (renders.get(name) ?? 0) + 1);
  return <span data-p={name}>{time}</span>;
}

function mount(store: LabStore) {
  renders.clear();
  act(() =>
    dom.root.render(
      <LabStoreProvider store={store}>
        <Probe name="ring" lane={null} />
        <Probe name="lane0" lane={0} />
        <Probe name="lane1" lane={1} />
        <Probe name="lane2" lane={2} />
      </LabStoreProvider>,
    ),
  );
  renders.clear();
}

/** A fresh store at `speed` with the probes mounted, playing, its render counts cleared. */
function playing(speed: number): LabStore {
  const store = createLabStore({ clock: () => 0, speed });
  mount(store);
  act(() => store.getState().play());
  renders.clear();
  return store;
}

/** `n` frames of 16 wall ms, each in its own act (one publish, one render, as in the page). */
function frames(store: LabStore, n: number): void {
  for (let i = 0; i < n; i++) act(() => store.getState().tick(16));
}

describe('paced text panels', () => {
  it('at 100x the logs and the inspector render one frame in three, the feed one in nine, each showing its frame; the ring every frame', () => {
    expect(PANEL_LANES).toBe(3);
    expect([LANE_LOGS, LANE_FEED, LANE_INSPECTOR]).toEqual([0, 1, 2]);
    const store = playing(100);
    const seen: number[] = [];
    for (let i = 0; i < 18; i++) {
      frames(store, 1);
      const lane = store.getState().lane;
      seen.push(lane);
      // The lane whose turn it is shows this frame.
      if (lane !== NO_LANE) expect(shown(`lane${lane}`)).toBe(store.getState().frame.time);
    }
    expect(seen).toEqual([...LANE_TURNS, ...LANE_TURNS]);
    expect(renders.get('ring')).toBe(18);
    expect(renders.get('lane0')).toBe(6);
    expect(renders.get('lane1')).toBe(2);
    expect(renders.get('lane2')).toBe(6);
    // The others show the frame of their last turn, no older than a cycle.
    const now = store.getState().frame.time;
    expect(shown('ring')).toBe(now);
    for (const lane of [0, 1, 2]) {
      expect(shown(`lane${lane}`)).toBeLessThanOrEqual(now);
      expect(shown(`lane${lane}`)).toBeGreaterThan(now - LANE_TURNS.length * 16 * 100);
    }
  });

  it('at real time (1x) the panels take turns too', () => {
    const store = playing(1);
    frames(store, 9);
    expect(renders.get('ring')).toBe(9);
    expect([0, 1, 2].map((lane) => renders.get(`lane${lane}`))).toEqual([3, 1, 3]);
  });

  it('a negative lane (the diagram below 10x) follows every frame, even at 100x', () => {
    const store = createLabStore({ clock: () => 0, speed: 100 });
    renders.clear();
    act(() =>
      dom.root.render(
        <LabStoreProvider store={store}>
          <Probe name="free" lane={-1} />
        </LabStoreProvider>,
      ),
    );
    act(() => store.getState().play());
    renders.clear();
    frames(store, 6);
    expect(renders.get('free')).toBe(6);
    expect(shown('free')).toBe(store.getState().frame.time);
  });

  it('a pause shows every panel the current frame at once', () => {
    const store = createLabStore({ clock: () => 0, speed: 100 });
    mount(store);
    act(() => store.getState().play());
    frames(store, 7);
    act(() => store.getState().pause());
    expect(store.getState().lane).toBe(-1);
    const now = store.getState().frame.time;
    for (const name of ['ring', 'lane0', 'lane1', 'lane2']) expect(shown(name)).toBe(now);
  });

  it('below PACED_SPEED every panel follows every frame', () => {
    const store = playing(PACED_SPEED / 5);
    frames(store, 6);
    expect(store.getState().lane).toBe(-1);
    for (const name of ['ring', 'lane0', 'lane1', 'lane2']) expect(renders.get(name)).toBe(6);
    const now = store.getState().frame.time;
    for (const name of ['ring', 'lane0', 'lane1', 'lane2']) expect(shown(name)).toBe(now);
  });

  it('slowing down to slow motion while playing brings every panel up to date on the next frame', () => {
    const store = createLabStore({ clock: () => 0, speed: 100 });
    mount(store);
    act(() => store.getState().play());
    frames(store, 4);
    act(() => store.getState().setSpeed(PACED_SPEED / 2));
    frames(store, 1);
    const now = store.getState().frame.time;
    for (const name of ['lane0', 'lane1', 'lane2']) expect(shown(name)).toBe(now);
  });

  it('a panel whose selector changes (another server chosen) reads at once, off its turn', () => {
    const store = createLabStore({ clock: () => 0, speed: 100 });
    let choose: (id: number) => void = () => {};
    function Chosen() {
      const [id, setId] = useState(1);
      choose = setId;
      const term = useLabPaced((s) => `${id}:${s.frame.servers[id - 1]?.id ?? '-'}`, 2);
      return <span data-p="chosen">{term}</span>;
    }
    act(() =>
      dom.root.render(
        <LabStoreProvider store={store}>
          <Chosen />
        </LabStoreProvider>,
      ),
    );
    act(() => store.getState().play());
    // Play until a frame of another lane is the last one published.
    frames(store, 1);
    while (store.getState().lane === 2) frames(store, 1);
    act(() => choose(3));
    expect(dom.host.querySelector('[data-p="chosen"]')?.textContent).toBe('3:3');
  });
});
