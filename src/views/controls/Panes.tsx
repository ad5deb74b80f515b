/**
 * The store-connected wrappers of the presentational panels (src/views/panels): each selects
 * the narrow slice of state its panel needs and turns the panel's callbacks into store actions.
 */
import { memo, useCallback, useMemo, useRef } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabPaced, useLabStore } from '../../store/context.tsx';
import { LANE_FEED, LANE_INSPECTOR, LANE_LOGS } from '../../store/types.ts';
import type { LabState, LabStore } from '../../store/types.ts';
import { liveLeader, runServerAction, type ServerActionKind } from '../panels/serverModel.ts';
import { ClientPanel } from '../panels/ClientPanel.tsx';
import { LogPanel } from '../panels/LogPanel.tsx';
import type { LogHighlight } from '../panels/LogPanel.tsx';
import { Timeline, type TimelineLive } from '../panels/Timeline.tsx';
import { indexBands, timelineIndex, type TimelineIndex } from '../panels/timelineData.ts';
import { glideClockOf } from '../glide.ts';
import { Loading, lazyPart, preloadWhenIdle, useArrivedAfterPaint } from '../lazy.tsx';
import { clusterMembershipKey } from '../membership.ts';
import type { ChangeKind, ClusterMembership } from '../membership.ts';
import {
  axisEnd,
  quantize,
  sameList,
  sameLogs,
  selectClientEvents,
  selectFeedNow,
  selectServers,
} from './paneData.ts';

// From real time on the text panels take turns (PlaybackSlice.lane): the logs, the inspector and
// the timeline's marks on one frame in three each, the feed on one in nine (LANE_TURNS in
// store/types.ts).
const selectEvents = (s: LabState) => s.events;
const selectVoters = (s: LabState) => s.frame.config.members?.length ?? s.frame.servers.length;
const selectAxis = (s: LabState) => axisEnd(s.endTime);

// The panels are props-only; memo makes them skip a render when their inputs are the same.
const MemoLogPanel = memo(LogPanel);
const MemoClientPanel = memo(ClientPanel);
const MemoTimeline = memo(Timeline);

// A server's inspector is drawn once one is selected: its code comes after the first paint.
const ServerDetails = lazyPart(() =>
  import('../panels/ServerDetails.tsx').then((m) => m.ServerDetails),
);
preloadWhenIdle(ServerDetails.preload);

function SelectedServer({ id }: { id: number }) {
  const store = useLabStore();
  const server = useLabPaced((s) => s.frame.servers[id - 1], LANE_INSPECTOR);
  const leader = useLabPaced((s) => liveLeader(s.frame.servers), LANE_INSPECTOR);
  const now = useLabPaced((s) => s.frame.time, LANE_INSPECTOR);
  const config = useLabPaced((s) => s.frame.config, LANE_INSPECTOR);
  const onAction = useCallback(
    (kind: ServerActionKind) => runServerAction(store.getState(), kind, id),
    [store, id],
  );
  const membershipKey = useLabPaced((s) => clusterMembershipKey(s.frame.servers), LANE_INSPECTOR);
  const reference = useMemo(
    () => (JSON.parse(membershipKey) as ClusterMembership).reference,
    [membershipKey],
  );
  const onChange = useCallback(
    (kind: ChangeKind) => store.getState().act({ do: kind, server: id }),
    [store, id],
  );
  if (!server) return null;
  return (
    <ServerDetails.Component
      server={server}
      now={now}
      config={config}
      onAction={onAction}
      reference={reference}
      onChange={onChange}
      leader={leader}
    />
  );
}

// A message's inspector is drawn once one is clicked: its code comes after the first paint.
const MessageDetails = lazyPart(() =>
  import('../panels/MessageDetails.tsx').then((m) => m.MessageDetails),
);
const PastMessageDetails = lazyPart(() =>
  import('../panels/PastMessageDetails.tsx').then((m) => m.PastMessageDetails),
);
preloadWhenIdle(MessageDetails.preload, PastMessageDetails.preload);

function SelectedMessage({ id }: { id: number }) {
  const t = useLabT();
  const store = useLabStore();
  const message = useLab((s) => s.frame.inFlight.find((m) => m.id === id));
  const now = useLab((s) => s.frame.time);
  const onDrop = useCallback((mid: number) => store.getState().drop(mid), [store]);
  // Arrived or dropped: the space-time record still tells what it was and what became of it.
  // (Until the log's code arrives, right after the first paint, there is no record to tell.)
  const record = useLab((s) => (message ? undefined : s.spaceTime.log?.message(id)));
  const status = useLab((s) =>
    record === undefined
      ? null
      : (s.spaceTime.log?.statusOf(record, {
          timeMs: s.frame.time,
          emitted: s.spaceTime.emitted,
        }) ?? null),
  );
  if (!message && record !== undefined && (status === 'delivered' || status === 'dropped'))
    return <PastMessageDetails.Component record={record} status={status} />;
  if (!message) {
    return (
      <section className="rl-panel" aria-label={t('message.region', { id })}>
        <p className="rl-muted">{t('message.gone', { id })}</p>
      </section>
    );
  }
  return <MessageDetails.Component message={message} now={now} onDrop={onDrop} />;
}

function Clients() {
  const store = useLabStore();
  const clients = useLabPaced((s) => s.frame.clients, LANE_INSPECTOR);
  const events = useLabPaced(selectClientEvents, LANE_INSPECTOR, sameList);
  const onRequest = useCallback(
    (command: string) => store.getState().request({ command }),
    [store],
  );
  return <MemoClientPanel clients={clients} events={events} onRequest={onRequest} />;
}

/** The inspector: the selected server or message, and the clients below it. */
export function DetailsPane() {
  const t = useLabT();
  const selection = useLab((s) => s.selection);
  return (
    <div className="rl-details">
      {selection === null ? <p className="rl-hint">{t('pane.hint')}</p> : null}
      {selection?.kind === 'server' ? <SelectedServer id={selection.id} /> : null}
      {selection?.kind === 'message' ? <SelectedMessage id={selection.id} /> : null}
      <Clients />
    </div>
  );
}

/** The logs; `fit` (presenter mode) shows every row and entry at once, cells sized to fit. */
export function LogsPane({ fit = false }: { fit?: boolean } = {}) {
  const store = useLabStore();
  const servers = useLabPaced(selectServers, LANE_LOGS, sameLogs);
  // The core's violations only: the history check's (INV-C2) name operations, not log entries.
  const violation = useLabPaced((s) => s.frame.violations.at(-1), LANE_LOGS);
  const leaderId = useMemo(() => {
    let best: (typeof servers)[number] | undefined;
    for (const s of servers)
      if (!s.crashed && s.role === 'leader' && (!best || s.term > best.term)) best = s;
    return best?.id ?? null;
  }, [servers]);
  const highlight = useMemo<LogHighlight | undefined>(
    () => (violation ? { servers: violation.servers, indexes: violation.indexes } : undefined),
    [violation],
  );
  const onSelectEntry = useCallback(
    (server: number) => store.getState().select({ kind: 'server', id: server }),
    [store],
  );
  return (
    <MemoLogPanel
      servers={servers}
      leaderId={leaderId}
      highlight={highlight}
      onSelectEntry={onSelectEntry}
      fit={fit}
    />
  );
}

// The feed and its sentences (format.ts) come right after the first paint: the lab starts at
// time 0, where the feed has no line yet, so the first frame draws the empty feed without them.
const EventFeedPart = lazyPart(() =>
  import('../panels/EventFeed.tsx').then((m) => memo(m.EventFeed)),
);

/** The feed until its code arrives: empty as at time 0, or Loading if the run has events. */
function FeedStandIn({ empty }: { empty: boolean }) {
  const t = useLabT();
  return (
    <section className="rl-panel rl-feed" aria-label={t('lab.events')}>
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">{t('lab.events')}</h2>
        {empty ? <span className="rl-muted">{t('feed.lines', { n: 0 })}</span> : null}
      </header>
      <div className="rl-feed-scroll">
        <div className="rl-feed-body">
          {empty ? <p className="rl-muted">{t('feed.empty')}</p> : <Loading />}
        </div>
      </div>
    </section>
  );
}

export function FeedPane() {
  const store = useLabStore();
  const events = useLabPaced(selectEvents, LANE_FEED);
  const now = useLabPaced(selectFeedNow, LANE_FEED);
  // The initial voters (the rule catalogue (src/i18n/rules.ts)): "won with 2 of 3 votes" when S4 and S5 start outside.
  const servers = useLabPaced(selectVoters, LANE_FEED);
  const onJump = useCallback((t: number) => store.getState().seek(t), [store]);
  const EventFeed = useArrivedAfterPaint(EventFeedPart);
  if (EventFeed === null) return <FeedStandIn empty={events.length === 0} />;
  return <EventFeed events={events} now={now} onJump={onJump} servers={servers} />;
}

/**
 * The timeline's playhead and recorded end, quantized to 1/2000 of the axis (finer than a pixel),
 * and a subscription that fires when the display time or the recorded end changes.
 */
function timelineLive(store: LabStore): TimelineLive {
  return {
    read() {
      const s = store.getState();
      const axis = axisEnd(s.endTime);
      return {
        now: Math.min(s.endTime, quantize(s.displayTime, axis)),
        endMs: Math.min(s.endTime, quantize(s.endTime, axis)),
      };
    },
    subscribe: (onChange) =>
      store.subscribe((s, prev) => {
        if (s.displayTime !== prev.displayTime || s.endTime !== prev.endTime) onChange();
      }),
    glide: glideClockOf(store),
  };
}

export function TimelinePane() {
  const store = useLabStore();
  const events = useLabPaced(selectEvents, LANE_INSPECTOR);
  // The axis grows in steps, with the playhead (which reads it too): not paced.
  const axisMs = useLab(selectAxis);
  // The playhead and the recorded end move every frame while the lab plays: the timeline reads
  // them itself and moves what shows them in the DOM, so this pane renders only for new events.
  const live = useMemo(() => timelineLive(store), [store]);
  // Extended as events arrive (timelineIndex never changes the previous index, so a render React
  // drops leaves nothing wrong behind): marks and bands keep their identity until one is added,
  // and the memoized marks layer is not redrawn for a frame that adds none.
  const indexRef = useRef<TimelineIndex | null>(null);
  const index = useMemo(() => timelineIndex(indexRef.current, events), [events]);
  indexRef.current = index;
  const { marks, closed, open } = index;
  // The closed bands keep their identity until a term ends; the open one grows every frame and is
  // drawn apart (stretched by a transform), so the marks' SVG is not painted again for it.
  const bands = useMemo(() => indexBands(closed, null, 0), [closed]);
  // The axis runs past the recorded end; a click or a key there goes to the end, not beyond
  // (typing a later time in the header is how to run forward).
  const onSeek = useCallback(
    (t: number) => store.getState().seek(Math.min(t, store.getState().endTime)),
    [store],
  );
  return (
    <MemoTimeline
      endMs={axisMs}
      live={live}
      marks={marks}
      termBand={bands}
      open={open}
      onSeek={onSeek}
    />
  );
}
