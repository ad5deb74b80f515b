import { join, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** The offline copy: one HTML file with every script and style inlined, opened from disk. */
export const SINGLE_FILE_MODE = 'single';
export const SINGLE_FILE_NAME = 'raft-lab.html';

const I18N = resolve(import.meta.dirname, 'src/i18n') + sep;
const STORE = resolve(import.meta.dirname, 'src/store') + sep;
const CORE = resolve(import.meta.dirname, 'src/core') + sep;
/** Marks a second copy of a catalogue module (the ending keeps it a .ts module for the build). */
const ALL_LANGUAGES = '?all-languages&lang.ts';
/** Marks a third copy, for the English that comes after the first paint (laterMessages.ts). */
const LATER_ENGLISH = '?later-english&lang.ts';
/** The modules whose catalogues get copies of their own, and the ending of those copies. */
const COPIED_BY: Readonly<Record<string, string>> = {
  [join(I18N, 'allMessages.ts')]: ALL_LANGUAGES,
  [join(I18N, 'laterMessages.ts')]: LATER_ENGLISH,
};

/**
 * Spanish and Portuguese on demand. In the browser, i18n/index.ts reads dictionariesLazy.ts
 * (English only, the rest fetched when chosen) instead of dictionaries.ts (every language, for
 * Node). allMessages.ts, which the lazy module imports dynamically, and every catalogue it reaches
 * get a copy of their own (an id with ALL_LANGUAGES): the copies keep the three languages, while
 * the first paint's modules are left with only what English uses, the rest shaken out. A
 * catalogue's text stays in its one file either way.
 */
function languagesOnDemand(): Plugin {
  return {
    name: 'raft-lab:languages-on-demand',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (importer === undefined) return null;
      if (
        source === './dictionaries.ts' &&
        (importer === join(I18N, 'index.ts') || importer === join(I18N, 'laterWordsLazy.ts'))
      ) {
        return join(I18N, 'dictionariesLazy.ts');
      }
      // The words the first frame never shows likewise come after it (laterWordsLazy.ts).
      if (source.endsWith('/laterWords.ts')) {
        const found = await this.resolve(source, importer, { skipSelf: true });
        if (found?.id === join(I18N, 'laterWords.ts')) return join(I18N, 'laterWordsLazy.ts');
        return found;
      }
      // The client history check's search too (historyEngineLazy.ts, asked for by main.tsx).
      if (source.endsWith('/historyEngine.ts')) {
        const found = await this.resolve(source, importer, { skipSelf: true });
        if (found?.id === join(STORE, 'historyEngine.ts'))
          return join(STORE, 'historyEngineLazy.ts');
        return found;
      }
      // And the space-time log (spaceTimeCodeLazy.ts; the recorder queues its calls until then).
      if (source.endsWith('/spaceTimeCode.ts')) {
        const found = await this.resolve(source, importer, { skipSelf: true });
        if (found?.id === join(STORE, 'spaceTimeCode.ts'))
          return join(STORE, 'spaceTimeCodeLazy.ts');
        return found;
      }
      // And what the simulation runs only when it steps (engineLazy.ts): the core's raftSteps.ts
      // and invariants.ts and the store's engine.ts all become it, so the recorder knows when the
      // core may step.
      if (
        (source === './raftSteps.ts' &&
          (importer === join(CORE, 'sim.ts') || importer === join(CORE, 'raft.ts'))) ||
        (source === './invariants.ts' && importer === join(CORE, 'sim.ts'))
      ) {
        return join(STORE, 'engineLazy.ts');
      }
      if (source.endsWith('/engine.ts')) {
        const found = await this.resolve(source, importer, { skipSelf: true });
        if (found?.id === join(STORE, 'engine.ts')) return join(STORE, 'engineLazy.ts');
        return found;
      }
      // The rules' words likewise come after the first paint (ruleTextsLazy.ts).
      if (source.endsWith('/ruleTexts.ts')) {
        const found = await this.resolve(source, importer, { skipSelf: true });
        if (found?.id === join(I18N, 'ruleTexts.ts')) return join(I18N, 'ruleTextsLazy.ts');
        return found;
      }
      const copy = [ALL_LANGUAGES, LATER_ENGLISH].find((ending) => importer.endsWith(ending));
      const ending = copy ?? COPIED_BY[importer];
      if (ending === undefined) return null;
      const from = copy === undefined ? importer : importer.slice(0, -ending.length);
      const found = await this.resolve(source, from, { skipSelf: true });
      if (found === null || !found.id.startsWith(I18N)) return found;
      return found.id + ending;
    },
  };
}

// The app is a static site: every path is relative so `dist/` can be served from any folder.
// `vite build --mode single` (run by `npm run build` after the normal build) adds
// dist/raft-lab.html, which needs no server and no network: it works from file://.
export default defineConfig(({ mode }) =>
  mode === SINGLE_FILE_MODE
    ? {
        base: './',
        publicDir: false,
        // Everything is inlined here, so every language is too (dictionaries.ts, no fetching).
        plugins: [react(), viteSingleFile({ outputFileName: SINGLE_FILE_NAME })],
        build: { target: 'es2022', sourcemap: false, emptyOutDir: false, outDir: 'dist' },
      }
    : {
        base: './',
        plugins: [languagesOnDemand(), react()],
        build: {
          target: 'es2022',
          sourcemap: true,
          rolldownOptions: {
            // Reading a property has no side effect in this app (no getters on plain data), so
            // a catalogue object built by spreading others, and never read, is dropped whole.
            treeshake: { propertyReadSideEffects: false },
            output: {
              // React and React DOM change only with their versions: a chunk of their own stays
              // cached across releases of the app. What the first paint does not need is split
              // off by dynamic import() (src/views/lazy.tsx, the library, the share dialog, …).
              codeSplitting: {
                groups: [
                  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
                  // The simulation core in one chunk (one gzip stream compresses it better than
                  // the pieces later chunks would share with it), except the linearizability
                  // checker and its explanations, which only the history check's search and the
                  // violation banner's words (both after the first paint) and the CLI use:
                  // core/index.ts re-exports them, so the group takes no module in for being
                  // imported by one it holds. Nor what the simulation runs only when it steps
                  // (stepping.ts: raftSteps.ts with the rules it reaches, and the invariant
                  // checker): the first frame is drawn before anything steps, and that code comes
                  // right after it. Its stand-in (engineLazy.ts), which both the core and the
                  // store import, is here.
                  {
                    name: 'shared',
                    test: /src[\\/](scenarios[\\/](steps|limits)\.ts|services[\\/](presenter[\\/]context\.tsx|rulesPanel\.ts|marks\.ts)|views[\\/](names\.ts|lazy\.tsx|rules[\\/](RuleChip\.tsx|useRuleTexts\.ts))|views[\\/]membership\.ts|store[\\/](notice|historyCheck|historyEngineLazy|lazyCode|frameLog)\.ts|i18n[\\/](?!ruleCatalogue|allMessages|laterMessages|refusalText)[^?]*$)|node_modules[\\/]zustand[\\/]|preload-helper/,
                    includeDependenciesRecursively: false,
                  },
                  {
                    name: 'core',
                    test: /src[\\/](core[\\/](?!linearizability(Explain)?\.ts$|stepping\.ts$|raftSteps\.ts$|(invariants|quorumInvariants|leaderHistory|checkedLog)\.ts$|raft[\\/](election|follower|leader|snapshot|transfer|commit)\.ts$)|store[\\/]engineLazy\.ts$)/,
                    includeDependenciesRecursively: false,
                  },
                ],
              },
            },
          },
        },
      },
);
