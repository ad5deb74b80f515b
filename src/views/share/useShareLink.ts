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
  const actionsVersion = useLab((s) => s.actionsVersion);
  const info = useLab((s) => s.scenarioInfo);
  const timeMs = useLab((s) => s.frame.time);
  const steps = useLab((s) => s.frame.steps);
  // The action log's version changes whenever the run or its log does (a new run included).
  const scenario = useMemo(
    () => scenarioOfRun(store.getState().runSetup(), info),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- actionsVersion names the log read
    [store, actionsVersion, info],
  );
  return useMemo(() => {
    if (!scenario.ok) return { scenario, link: scenario };
    const link = shareLink(scenario.scenario, linkBase(window.location.href), { timeMs, steps });
    return { scenario, link };
  }, [scenario, timeMs, steps]);
}
