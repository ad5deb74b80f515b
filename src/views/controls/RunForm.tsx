/**
 * The new-run form (NewRunForm.tsx's popover): a seed, a cluster size and the run's options. A
 * chunk of its own, loaded when the popover first opens (or ahead, once the page is idle).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { withDefaults } from '../../core/index.ts';
import type { BugId, ReadMode } from '../../core/types.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { parseSnapshotEvery, SNAPSHOT_EVERY_MAX } from '../../services/urlParams.ts';

const SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** The teaching bugs offered in the form (the rule catalogue (src/i18n/rules.ts)): membership changes, then reads. */
const FORM_BUGS = [
  'BUG-DIRECTCONFIG',
  'BUG-EARLYCONFIG',
  'BUG-SELFCOUNT',
  'BUG-LOCALREAD',
] as const;
/** How a leader answers `get` (C-4, C-5); a lease needs CheckQuorum (the schema refuses it else). */
const READ_MODES = [
  ['log', 'run.readsLog'],
  ['readIndex', 'run.readsReadIndex'],
  ['lease', 'run.readsLease'],
] as const;
const SEED_MAX = 0xffffffff;

export function RunForm({ onDone }: { onDone: () => void }) {
  const t = useLabT();
  const store = useLabStore();
  const run = useLab((s) => s.run);
  const [seed, setSeed] = useState(String(run.seed));
  const [servers, setServers] = useState(run.servers);
  const current = store.getState().runSetup().config;
  const [preVote, setPreVote] = useState(current.preVote);
  const [checkQuorum, setCheckQuorum] = useState(current.checkQuorum);
  const [guard, setGuard] = useState(current.disruptionGuard);
  const [reads, setReads] = useState<ReadMode>(current.reads);
  // Without CheckQuorum a lease is not safe: the choice falls back to ReadIndex.
  const readMode: ReadMode = reads === 'lease' && !checkQuorum ? 'readIndex' : reads;
  // Follower reads (C-4) need a read index from the leader: never with reads through the log.
  const [followerReads, setFollowerReads] = useState(current.followerReads);
  const followerReadsAllowed = readMode !== 'log';
  // Initial voters: 0 means every server; k means S1..Sk (the others start outside).
  const [members, setMembers] = useState(
    current.members === null || current.members.length >= current.servers
      ? 0
      : current.members.length,
  );
  // Log compaction (F2-IS6): typed as text, checked like a link's ?snapshotEvery=.
  const [snapshotText, setSnapshotText] = useState(String(current.snapshotEvery ?? 0));
  const snapshotEvery = parseSnapshotEvery(snapshotText);
  const [bugs, setBugs] = useState<readonly BugId[]>(current.bugs);
  const toggleBug = (bug: BugId, on: boolean): void =>
    setBugs((list) =>
      on ? [...list.filter((b) => b !== bug), bug] : list.filter((b) => b !== bug),
    );
  const seedValue = Number(seed);
  const seedValid =
    seed.trim() !== '' && Number.isInteger(seedValue) && seedValue >= 0 && seedValue <= SEED_MAX;
  const valid = seedValid && snapshotEvery !== undefined;
  const start = (chosen: number): void => {
    const initial =
      members === 0 || members >= servers ? null : Array.from({ length: members }, (_, i) => i + 1);
    const config = withDefaults({
      servers,
      preVote,
      checkQuorum,
      disruptionGuard: guard,
      reads: readMode,
      followerReads: followerReads && followerReadsAllowed,
      snapshotEvery: snapshotEvery ?? 0,
      members: initial,
      bugs: [...bugs],
    });
    if (store.getState().loadSetup({ seed: chosen, config, actions: [] })) onDone();
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (valid) start(seedValue);
  };
  // A new seed is the one place randomness is welcome: it picks which deterministic run to show.
  const randomSeed = (): void => start(Math.floor(Math.random() * 1_000_000));

  return (
    <form className="rl-new-run" onSubmit={submit} aria-label={t('run.form')}>
      <label className="rl-field">
        <span className="rl-field-label">{t('run.seed')}</span>
        <input
          className="rl-seed"
          inputMode="numeric"
          value={seed}
          aria-invalid={!seedValid}
          title={t('tip.seed')}
          onChange={(e) => setSeed(e.target.value)}
        />
      </label>
      <label className="rl-field">
        <span className="rl-field-label">{t('run.servers')}</span>
        <select value={servers} onChange={(e) => setServers(Number(e.target.value))}>
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="rl-field" title={t('run.membersTitle')}>
        <span className="rl-field-label">{t('run.members')}</span>
        <select
          name="members"
          value={members >= servers ? 0 : members}
          onChange={(e) => setMembers(Number(e.target.value))}
        >
          <option value={0}>{t('run.membersAll')}</option>
          {Array.from({ length: servers - 1 }, (_, i) => i + 1).map((k) => (
            <option key={k} value={k}>
              {t('run.membersSome', { k, n: servers })}
            </option>
          ))}
        </select>
      </label>
      <label className="rl-check" title={t('tip.preVote')}>
        <input type="checkbox" checked={preVote} onChange={(e) => setPreVote(e.target.checked)} />
        PreVote
      </label>
      <label className="rl-check" title={t('tip.checkQuorum')}>
        <input
          type="checkbox"
          checked={checkQuorum}
          onChange={(e) => setCheckQuorum(e.target.checked)}
        />
        CheckQuorum
      </label>
      <label className="rl-check" title={t('run.guardTitle')}>
        <input
          type="checkbox"
          name="disruptionGuard"
          checked={guard}
          onChange={(e) => setGuard(e.target.checked)}
        />
        {t('run.guard')}
      </label>
      <label
        className="rl-field"
        title={
          checkQuorum ? t('run.readsTitle') : `${t('run.readsTitle')}\n${t('run.leaseNeedsCq')}`
        }
      >
        <span className="rl-field-label">{t('run.reads')}</span>
        <select
          name="reads"
          value={readMode}
          onChange={(e) => setReads(e.target.value as ReadMode)}
        >
          {READ_MODES.map(([mode, key]) => (
            <option
              key={mode}
              value={mode}
              disabled={mode === 'lease' && !checkQuorum}
              title={mode === 'lease' && !checkQuorum ? t('run.leaseNeedsCq') : undefined}
            >
              {mode === 'lease' && !checkQuorum ? t('run.readsLeaseOff') : t(key)}
            </option>
          ))}
        </select>
      </label>
      <label
        className="rl-check"
        title={
          followerReadsAllowed
            ? t('run.followerReadsTitle')
            : `${t('run.followerReadsTitle')}\n${t('run.followerReadsNeedsIndex')}`
        }
      >
        <input
          type="checkbox"
          name="followerReads"
          checked={followerReads && followerReadsAllowed}
          disabled={!followerReadsAllowed}
          aria-describedby={followerReadsAllowed ? undefined : 'rl-follower-reads-why'}
          onChange={(e) => setFollowerReads(e.target.checked)}
        />
        {t('run.followerReads')}
      </label>
      {followerReadsAllowed ? null : (
        <p id="rl-follower-reads-why" className="rl-muted rl-field-note">
          {t('run.followerReadsNeedsIndex')}
        </p>
      )}
      <label className="rl-field" title={t('run.snapshotEveryTitle')}>
        <span className="rl-field-label">{t('run.snapshotEvery')}</span>
        <input
          className="rl-snapshot-every"
          name="snapshotEvery"
          inputMode="numeric"
          value={snapshotText}
          aria-invalid={snapshotEvery === undefined}
          aria-describedby={snapshotEvery === undefined ? 'rl-snapshot-every-err' : undefined}
          onChange={(e) => setSnapshotText(e.target.value)}
        />
        <span className="rl-field-label">{t('run.snapshotEveryUnit')}</span>
      </label>
      {snapshotEvery === undefined ? (
        <p id="rl-snapshot-every-err" className="rl-error" role="alert">
          {t('run.snapshotEveryBad', { max: SNAPSHOT_EVERY_MAX })}
        </p>
      ) : null}
      <fieldset className="rl-run-bugs">
        <legend className="rl-field-label">{t('run.bugs')}</legend>
        {FORM_BUGS.map((bug) => (
          <label key={bug} className="rl-check" title={t(`bug.${bug}`)}>
            <input
              type="checkbox"
              name={bug}
              checked={bugs.includes(bug)}
              onChange={(e) => toggleBug(bug, e.target.checked)}
            />
            {bug}
          </label>
        ))}
      </fieldset>
      <div className="rl-button-row">
        <button type="submit" className="rl-button rl-button-primary" disabled={!valid}>
          {t('run.start')}
        </button>
        <button type="button" className="rl-button" onClick={randomSeed}>
          {t('run.random')}
        </button>
      </div>
    </form>
  );
}
