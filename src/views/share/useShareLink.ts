/**
 * The current run's scenario and share link, recomputed only when the run, its actions or the
 * viewed position change (the share dialog pauses the run, so that is rarely).
 */
import { useMemo } from 'react';
import { scenarioOfRun } from '../../services/share/currentScenario.ts';
import { linkBase, shareLink } from '../../services/share/shareLink.ts';
import type { ShareLink } from '../../services/share/shareLink.ts';
import type { ParseResult } from '../../scenarios/schema.ts';
import { useLab, useLabStore } from '../../store/context.tsx';

export interface ShareData {
  scenario: ParseResult;
  link: ShareLink;
}

export function useShareLink(): ShareData {
  const store = useLabStore();
  const actions = useLab((s) => s.actions);
  const info = useLab((s) => s.scenarioInfo);
  const timeMs = useLab((s) => s.frame.time);
  const steps = useLab((s) => s.frame.steps);
  // The published action log is a new array whenever the run or its log changes.
  const scenario = useMemo(
    () => scenarioOfRun({ ...store.getState().runSetup(), actions }, info),
    [store, actions, info],
  );
  return useMemo(() => {
    if (!scenario.ok) return { scenario, link: scenario };
    const link = shareLink(scenario.scenario, linkBase(window.location.href), { timeMs, steps });
    return { scenario, link };
  }, [scenario, timeMs, steps]);
}
