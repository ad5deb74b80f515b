/** A valid scenario using every field and every action kind, for tests to copy and break. */
export function fullScenario(): Record<string, unknown> {
  return {
    version: 1,
    title: 'Everything',
    description: 'Uses every field of the format.',
    seed: 4_294_967_295,
    config: {
      servers: 5,
      electionTimeoutMs: [150, 300],
      heartbeatMs: 50,
      latencyMs: [0, 20],
      rpcTimeoutMs: 100,
      clientTimeoutMs: 600,
      maxEntriesPerAppend: 8,
      loss: [1, 10],
      duplication: [0, 1],
      noopOnElection: false,
      bugs: ['BUG-FIG8'],
    },
    initial: [
      {
        term: 8,
        votedFor: null,
        log: [
          [1, 'set x 1'],
          [1, 'set y 2'],
          [4, 'noop'],
        ],
      },
      { term: 8, votedFor: 1, log: [] },
      { term: 0, votedFor: null, log: [] },
      { term: 3, votedFor: 5, log: [[3, 'cas x 1 2']] },
      {
        term: 2,
        votedFor: null,
        log: [
          [1, 'del x'],
          [2, 'get y'],
        ],
      },
    ],
    actions: [
      { at: 0, do: 'crash', server: 3 },
      { at: 1200, do: 'restart', server: 3 },
      { at: 900, do: 'timeout', server: 1 },
      {
        at: 900,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
      { at: 1500, do: 'heal' },
      { at: 1600, do: 'cut', link: [1, 5] },
      { at: 1700, do: 'connect', link: [5, 1] },
      { at: 1800, do: 'request', server: 1, command: 'set x 1' },
      { at: 1800, do: 'request', command: 'get x', client: 2 },
      { at: 1900, do: 'drop', message: 17 },
      { at: 2000, do: 'network', latencyMs: [5, 50], loss: [0, 1], duplication: [1, 100] },
      { at: 2100, do: 'linkLatency', link: [2, 3], latencyMs: [100, 200] },
      { at: 2200, do: 'linkLatency', link: [2, 3], latencyMs: null },
      { at: 2300, do: 'nextTimeout', server: 2, ms: 155 },
      { at: 2400, do: 'dropInFlight', type: 'AppendEntries', from: 1, to: -2 },
    ],
    steps: [
      { until: { atMs: 1000 }, caption: { en: 'S1 times out', es: 'S1 agota su tiempo' } },
      {
        do: [
          { do: 'crash', server: 2 },
          {
            do: 'partition',
            groups: [
              [1, 2, 3],
              [4, 5],
            ],
          },
        ],
        until: { event: 'leader', server: 3 },
        maxMs: 5000,
        caption: 'S3 takes over',
      },
    ],
  };
}

type Key = string | number;

/** A copy of the full scenario with the value at `path` replaced (or removed, for `undefined`). */
export function withValue(path: readonly Key[], value: unknown): Record<string, unknown> {
  const root = fullScenario();
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Record<Key, unknown>)[key];
  const last = path[path.length - 1] as Key;
  const parent = node as Record<Key, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return root;
}
