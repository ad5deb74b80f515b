/** The legends of the panels, as data: the text of every mark in one place. */
import type { Entry } from '../../core/types.ts';
import type { LegendItem } from './Legend.tsx';

const SAMPLE: Entry = { term: 2, command: 'set x 1', id: 'legend' };

export const LOG_LEGEND: readonly LegendItem[] = [
  { id: 'term', mark: { type: 'term' }, label: 'Colour and number: the entry’s term' },
  {
    id: 'committed',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true } },
    label: 'Solid: committed',
    detail: 'On a majority in the leader’s term; never lost (F2-L5, INV-LC).',
  },
  {
    id: 'uncommitted',
    mark: { type: 'cell', flags: { entry: SAMPLE } },
    label: 'Hatched, dashed outline: not committed',
    detail: 'A later leader may still overwrite it (F2-AE4).',
  },
  {
    id: 'applied',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true, applied: true } },
    label: '✓ applied',
    detail: 'Run by the state machine; lastApplied is the last ✓ (F2-A1).',
  },
  {
    id: 'commit',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true, isCommitIndex: true } },
    label: 'Bar on the right: commitIndex',
    detail: 'Everything up to the bar is committed on this server (F2-S5).',
  },
  {
    id: 'next',
    mark: { type: 'cell', flags: { isNext: true } },
    label: '▼ leader’s nextIndex for this follower',
    detail: 'The next AppendEntries starts here (F2-S7, F2-L3).',
  },
  {
    id: 'match',
    mark: { type: 'cell', flags: { entry: SAMPLE, matched: true, isMatchIndex: true } },
    label: 'Underline: leader’s matchIndex for this follower',
    detail: 'Known to match the leader up to the tick (F2-S8, F2-AE8).',
  },
  {
    id: 'diverges',
    mark: { type: 'cell', flags: { entry: SAMPLE, diverges: true } },
    label: '≠ not in the leader’s log',
    detail: 'The leader will make the follower overwrite it (F2-AE4).',
  },
  {
    id: 'highlight',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true, highlighted: true } },
    label: 'Thick ring: named by an invariant violation or selection',
  },
  { id: 'leader', mark: { type: 'status', status: 'leader' }, label: 'Leader' },
  { id: 'candidate', mark: { type: 'status', status: 'candidate' }, label: 'Candidate' },
  { id: 'follower', mark: { type: 'status', status: 'follower' }, label: 'Follower' },
  {
    id: 'crashed',
    mark: { type: 'status', status: 'crashed' },
    label: 'Crashed (greyed)',
    detail: 'Keeps term, vote and log; loses commitIndex and the rest (F2-S4, F2-S5).',
  },
];

export const TIMELINE_LEGEND: readonly LegendItem[] = [
  { id: 'violation', mark: { type: 'timeline', kind: 'violation' }, label: 'Invariant violated' },
  { id: 'election', mark: { type: 'timeline', kind: 'election' }, label: 'Leader elected' },
  { id: 'commit', mark: { type: 'timeline', kind: 'commit' }, label: 'Entry committed' },
  { id: 'crash', mark: { type: 'timeline', kind: 'crash' }, label: 'Server crashed' },
  { id: 'restart', mark: { type: 'timeline', kind: 'restart' }, label: 'Server restarted' },
  { id: 'action', mark: { type: 'timeline', kind: 'action' }, label: 'Your action' },
  { id: 'term', mark: { type: 'term' }, label: 'Band: the highest term over time' },
];
