/**
 * Files: download the run as a scenario .json (the format `npm run sim` reads), or open one.
 */
import { useRef } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { scenarioFileName } from '../../services/share/currentScenario.ts';
import { downloadText } from '../../services/share/download.ts';
import { openFile } from '../../services/share/openScenario.ts';
import type { ParseResult } from '../../scenarios/schema.ts';
import { scenarioToJson } from '../../scenarios/schema.ts';
import { useLabStore } from '../../store/context.tsx';

export function FileSection({ scenario, onDone }: { scenario: ParseResult; onDone: () => void }) {
  const t = useLabT();
  const store = useLabStore();
  const inputRef = useRef<HTMLInputElement>(null);
  const download = (): void => {
    if (!scenario.ok) return;
    downloadText(scenarioToJson(scenario.scenario), scenarioFileName(scenario.scenario.title));
  };
  const onPick = (files: FileList | null): void => {
    const file = files?.[0];
    if (file === undefined) return;
    // Closed either way: the result (the new run, or why not) shows on the page behind.
    void openFile(store, file).then(onDone);
  };
  return (
    <section className="rl-share-section" aria-labelledby="rl-share-file-title">
      <h3 id="rl-share-file-title" className="rl-share-heading">
        {t('share.file')}
      </h3>
      <div className="rl-share-row">
        <button type="button" className="rl-button" onClick={download} disabled={!scenario.ok}>
          {t('share.download')}
        </button>
        <button type="button" className="rl-button" onClick={() => inputRef.current?.click()}>
          {t('share.openFile')}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="open-file"
          onChange={(e) => {
            onPick(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <p className="rl-share-hint">{t('share.fileHint')}</p>
    </section>
  );
}
