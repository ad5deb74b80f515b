/** The presentational panels: props in, callbacks out; no store access. */
import './panels.css';

export { ClientPanel, type ClientPanelProps } from './ClientPanel.tsx';
export { EventFeed, type EventFeedProps } from './EventFeed.tsx';
export { HelpOverlay, type HelpOverlayProps, type Shortcut } from './HelpOverlay.tsx';
export { Legend, type LegendItem, type LegendMark, type LegendProps } from './Legend.tsx';
export { LOG_LEGEND, TIMELINE_LEGEND, logLegend, timelineLegend } from './legends.ts';
export { LogPanel, type LogHighlight, type LogPanelProps } from './LogPanel.tsx';
export { MessageDetails, type MessageDetailsProps } from './MessageDetails.tsx';
export { ServerDetails, type ServerActionKind, type ServerDetailsProps } from './ServerDetails.tsx';
export { Timeline, type TimelineLive, type TimelineProps } from './Timeline.tsx';
export type { MarkKind, TermBand, TimelineMark } from './timelineGeometry.ts';
export { termBands, timelineMarks } from './timelineData.ts';
