/**
 * How each kind of message is drawn in the space-time diagram: a colour and a dash per type, the
 * answers in the colour of their request, dashed. Plain hex values (no CSS variables), so an
 * exported SVG looks the same anywhere.
 */
import type { MessageType } from '../../core/types.ts';
import type { MessageKey } from '../../i18n/index.ts';

export interface MessageStyle {
  readonly color: string;
  /** An SVG stroke-dasharray, or '' for a solid line. */
  readonly dash: string;
  /** The legend's words. */
  readonly label: MessageKey;
}

const REPLY_DASH = '5 3';

export const MESSAGE_STYLES: Readonly<Record<MessageType, MessageStyle>> = {
  RequestVote: { color: '#7b3fa0', dash: '', label: 'st.type.RequestVote' },
  RequestVoteReply: { color: '#7b3fa0', dash: REPLY_DASH, label: 'st.type.RequestVoteReply' },
  AppendEntries: { color: '#1f5f99', dash: '', label: 'st.type.AppendEntries' },
  AppendEntriesReply: { color: '#1f5f99', dash: REPLY_DASH, label: 'st.type.AppendEntriesReply' },
  InstallSnapshot: { color: '#8a5a12', dash: '', label: 'st.type.InstallSnapshot' },
  InstallSnapshotReply: {
    color: '#8a5a12',
    dash: REPLY_DASH,
    label: 'st.type.InstallSnapshotReply',
  },
  ReadIndex: { color: '#1c7a6e', dash: '', label: 'st.type.ReadIndex' },
  ReadIndexReply: { color: '#1c7a6e', dash: REPLY_DASH, label: 'st.type.ReadIndexReply' },
  TimeoutNow: { color: '#c2410c', dash: '', label: 'st.type.TimeoutNow' },
  ClientRequest: { color: '#3f6212', dash: '', label: 'st.type.ClientRequest' },
  ClientReply: { color: '#3f6212', dash: REPLY_DASH, label: 'st.type.ClientReply' },
};

/** The legend's order: requests next to their answers. */
export const LEGEND_TYPES: readonly MessageType[] = [
  'RequestVote',
  'RequestVoteReply',
  'AppendEntries',
  'AppendEntriesReply',
  'InstallSnapshot',
  'InstallSnapshotReply',
  'ReadIndex',
  'ReadIndexReply',
  'TimeoutNow',
  'ClientRequest',
  'ClientReply',
];

export const DROP_COLOR = '#c62828';
export const SELECT_COLOR = '#f59e0b';
export const PLAYHEAD_COLOR = '#d00000';
export const LANE_DOWN_COLOR = '#9ca3af';
export const TEXT_COLOR = '#1f2937';
export const GRID_COLOR = '#e5e7eb';
export { FONT_FAMILY } from './exportNames.ts';
