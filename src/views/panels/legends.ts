/** The legends of the panels, as data: the text of every mark in one place. */
import { EN_T, type Translate } from '../../i18n/index.ts';
import type { Entry } from '../../core/types.ts';
import type { LegendItem } from './Legend.tsx';

const SAMPLE: Entry = { term: 2, command: 'set x 1', id: 'legend' };

/** The log panel's legend in the language of `t`. */
export const logLegend = (t: Translate): readonly LegendItem[] => [
  { id: 'term', mark: { type: 'term' }, label: t('legend.term') },
  {
    id: 'committed',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true } },
    label: t('legend.committed'),
    detail: t('legend.committedDetail'),
  },
  {
    id: 'uncommitted',
    mark: { type: 'cell', flags: { entry: SAMPLE } },
    label: t('legend.uncommitted'),
    detail: t('legend.uncommittedDetail'),
  },
  {
    id: 'applied',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true, applied: true } },
    label: t('legend.applied'),
    detail: t('legend.appliedDetail'),
  },
  {
    id: 'commit',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true, isCommitIndex: true } },
    label: t('legend.commit'),
    detail: t('legend.commitDetail'),
  },
  {
    id: 'next',
    mark: { type: 'cell', flags: { isNext: true } },
    label: t('legend.next'),
    detail: t('legend.nextDetail'),
  },
  {
    id: 'match',
    mark: { type: 'cell', flags: { entry: SAMPLE, matched: true, isMatchIndex: true } },
    label: t('legend.match'),
    detail: t('legend.matchDetail'),
  },
  {
    id: 'diverges',
    mark: { type: 'cell', flags: { entry: SAMPLE, diverges: true } },
    label: t('legend.diverges'),
    detail: t('legend.divergesDetail'),
  },
  {
    id: 'snapshot',
    mark: { type: 'snapshot', span: 2, index: 40, term: 2 },
    label: t('legend.snapshot'),
    detail: t('legend.snapshotDetail'),
  },
  {
    id: 'highlight',
    mark: { type: 'cell', flags: { entry: SAMPLE, committed: true, highlighted: true } },
    label: t('legend.highlight'),
  },
  { id: 'leader', mark: { type: 'status', status: 'leader' }, label: t('legend.leader') },
  { id: 'candidate', mark: { type: 'status', status: 'candidate' }, label: t('legend.candidate') },
  { id: 'follower', mark: { type: 'status', status: 'follower' }, label: t('legend.follower') },
  {
    id: 'crashed',
    mark: { type: 'status', status: 'crashed' },
    label: t('legend.crashed'),
    detail: t('legend.crashedDetail'),
  },
];

/** The timeline's legend in the language of `t`. */
export const timelineLegend = (t: Translate): readonly LegendItem[] => [
  { id: 'violation', mark: { type: 'timeline', kind: 'violation' }, label: t('legend.violation') },
  { id: 'election', mark: { type: 'timeline', kind: 'election' }, label: t('legend.election') },
  { id: 'commit', mark: { type: 'timeline', kind: 'commit' }, label: t('legend.entryCommitted') },
  { id: 'crash', mark: { type: 'timeline', kind: 'crash' }, label: t('legend.crash') },
  { id: 'restart', mark: { type: 'timeline', kind: 'restart' }, label: t('legend.restart') },
  { id: 'action', mark: { type: 'timeline', kind: 'action' }, label: t('legend.action') },
  { id: 'term', mark: { type: 'term' }, label: t('legend.band') },
];

/** The legends in English, as they read without a chosen language. */
export const LOG_LEGEND: readonly LegendItem[] = logLegend(EN_T);
export const TIMELINE_LEGEND: readonly LegendItem[] = timelineLegend(EN_T);
