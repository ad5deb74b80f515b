/**
 * Sharing the current run and opening links and files into the store (src/services/share): the link
 * reopens the same frame, hostile input leaves the run exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultTitle,
  scenarioFileName,
  scenarioOfRun,
} from '../../src/services/share/currentScenario.ts';
import {
  fileLabel,
  openFile,
  openLink,
  readScenarioFile,
} from '../../src/services/share/openScenario.ts';
import { linkBase, shareLink } from '../../src/services/share/shareLink.ts';
import { translator } from '../../src/i18n/index.ts';
import { noticeText } from '../../src/services/notice.ts';
import { decodeLink, encodeLink } from '../../src/scenarios/link.ts';
import { VIEW_STEPS_MAX } from '../../src/scenarios/linkView.ts';
import { parseScenario, scenarioToJson } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { LabStore } from '../../src/store/types.ts';
import { replayTo } from './replay.ts';
import { playUntil } from '../store/playKit.ts';
import { english, englishOf } from '../scenarios/english.ts';

function newStore(): LabStore {
  return createLabStore({ seed: 11, servers: 5, speed: 1, clock: () => 0 });
}

/** A run with interventions at several times, paused at 4.2 s. */
function busyStore(): LabStore {
  const store = newStore();
  playUntil(store, 700);
  store.getState().request();
  playUntil(store, 1500);
  store.getState().crash(1);
  playUntil(store, 2300);
  store.getState().restart(1);
  store.getState().partition([
    [1, 2],
    [3, 4, 5],
  ]);
  playUntil(store, 3100);
  store.getState().heal();
  store.getState().request({ command: 'set x 7' });
  playUntil(store, 4200);
  return store;
}

function snapshot(store: LabStore) {
  const s = store.getState();
  return { result: s.result(), actions: s.actionList(), setup: s.runSetup(), run: s.run };
}

function currentLink(store: LabStore): { url: string; scenario: Scenario } {
  const s = store.getState();
  const scenario = scenarioOfRun(s.runSetup(), s.scenarioInfo);
  if (!scenario.ok) throw new Error(english(scenario));
  const link = shareLink(scenario.scenario, 'https://lab.invalid/', {
    timeMs: s.frame.time,
    steps: s.frame.steps,
  });
  if (!link.ok) throw new Error(english(link));
  return { url: link.url, scenario: scenario.scenario };
}

/** The open-error banner's words in English (the store keeps a code and the parser's reason). */
function openErrorText(store: LabStore): string | null {
  const error = store.getState().openError;
  return error === null ? null : noticeText(error, translator('en'));
}

describe('the open error', () => {
  it('is worded in the page language, the reason too', () => {
    const store = createLabStore({ seed: 3, servers: 3 });
    openLink(store, 'https://lab.invalid/#s=');
    const error = store.getState().openError;
    expect(error).toMatchObject({ code: 'linkRefused', refusal: { code: 'noLinkVersion' } });
    expect(noticeText(error ?? '', translator('es'), 'es')).toBe(
      'No se pudo abrir el enlace: no es un enlace de Raft Lab: el contenido no empieza por una versión como "v1.". Tu ejecución no ha cambiado.',
    );
  });
});

describe('sharing the current run', () => {
  it('reopens the same frame in a fresh lab, equal to a headless replay', () => {
    const sender = busyStore();
    const { url, scenario } = currentLink(sender);
    const receiver = createLabStore({ seed: 99, servers: 3, playing: true });
    expect(openLink(receiver, url)).toBe(true);
    const r = receiver.getState();
    expect(r.result()).toEqual(sender.getState().result());
    expect(r.playing).toBe(false);
    expect(r.frame.steps).toBe(sender.getState().frame.steps);
    const decoded = decodeLink(url);
    const reference = replayTo(scenario, decoded.ok ? decoded.view : undefined);
    expect(reference.traceHash).toBe(r.result().traceHash);
    // The store names what happened; the words come from the catalogue, in each language.
    expect(r.notice).toEqual({
      code: 'openedAt',
      params: { title: defaultTitle(11, 5), timeMs: 4200 },
    });
    expect(noticeText(r.notice ?? '', translator('en'))).toBe(
      `Opened “${defaultTitle(11, 5)}”, paused at 4.200 s. Press Play to go on.`,
    );
    // The time in the reader's number format.
    expect(noticeText(r.notice ?? '', translator('es'), 'es')).toBe(
      `Abierto «${defaultTitle(11, 5)}», en pausa en 4,200 s. Pulsa Reproducir para seguir.`,
    );
  });

  it('is exact between two events of the same instant, and in the past of the timeline', () => {
    const sender = busyStore();
    sender.getState().seek(2600);
    for (let i = 0; i < 7; i++) sender.getState().stepForward();
    const { url } = currentLink(sender);
    const receiver = newStore();
    openLink(receiver, url);
    expect(receiver.getState().result()).toEqual(sender.getState().result());
    expect(receiver.getState().frame.steps).toBe(sender.getState().frame.steps);
    // Playing on from there in both gives the same future (the later actions came along).
    playUntil(sender, 5000);
    playUntil(receiver, 5000);
    expect(receiver.getState().result()).toEqual(sender.getState().result());
  });

  it('keeps the title, description and presenter steps of an opened scenario', () => {
    const input = {
      version: 1,
      title: 'Told as a story',
      description: 'With <b>markup</b> that stays text',
      seed: 3,
      config: { servers: 3 },
      actions: [{ at: 500, do: 'crash', server: 2 }],
      steps: [{ until: { event: 'leader' }, caption: { en: 'A leader', es: 'Un líder' } }],
    };
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(english(parsed));
    const store = newStore();
    expect(openLink(store, encodeLink(parsed.scenario))).toBe(true);
    const again = scenarioOfRun(store.getState().runSetup(), store.getState().scenarioInfo);
    expect(again).toEqual(parsed);
    store.getState().newRun({ seed: 5, servers: 3 });
    expect(store.getState().scenarioInfo).toBeNull();
  });

  it('opens at the start when the position is too far into the run for a link', () => {
    const { scenario } = currentLink(busyStore());
    const link = shareLink(scenario, 'https://lab.invalid/', {
      timeMs: 9_000_000,
      steps: VIEW_STEPS_MAX + 1,
    });
    expect(link.ok && link.view).toBeNull();
    expect(link.ok && link.note).toBe('tooFar');
  });

  it('refuses to share a run the schema would refuse to open', () => {
    const store = newStore();
    const setup = store.getState().runSetup();
    const actions = Array.from({ length: 10_001 }, (_, i) => ({ at: i, do: 'heal' as const }));
    const result = scenarioOfRun({ ...setup, actions }, null);
    expect(englishOf(result)).toBe(
      'this run cannot be shared: actions: must have at most 10000 items (got 10001)',
    );
  });
});

describe('hostile links leave the run untouched', () => {
  const good = currentLink(busyStore()).url;
  const cases: [string, string, RegExp][] = [
    ['truncated', good.slice(0, good.length - 30), /opened: (truncated|damaged)/],
    [
      'bit-flipped',
      good.replace(/#s=v1\.(.)/, (_m, c: string) => `#s=v1.${c === 'A' ? 'B' : 'A'}`),
      /checksum mismatch/,
    ],
    ['wrong version', good.replace('#s=v1.', '#s=v9.'), /newer Raft Lab \(v9\)/],
    [
      'wrong checksum',
      `${good.slice(0, -8)}${good.endsWith('0') ? '1' : '0'}${good.slice(-7)}`,
      /checksum mismatch/,
    ],
    ['empty', 'https://lab.invalid/#s=', /^The link could not be opened: not a Raft Lab link/],
  ];
  for (const [name, link, message] of cases) {
    it(`${name}`, () => {
      const store = busyStore();
      const before = snapshot(store);
      expect(openLink(store, link)).toBe(false);
      expect(openErrorText(store)).toMatch(message);
      expect(openErrorText(store)).toMatch(/Your run is unchanged\.$/);
      expect(snapshot(store)).toEqual(before);
    });
  }

  it('asks whether the whole link was copied when it is damaged or cut', () => {
    const store = newStore();
    openLink(store, `${good.slice(0, -8)}${good.endsWith('0') ? '1' : '0'}${good.slice(-7)}`);
    expect(openErrorText(store)).toBe(
      'The link could not be opened: damaged: checksum mismatch. Was the whole link copied? Your run is unchanged.',
    );
  });

  it('a good link after a bad one clears the message', () => {
    const store = newStore();
    openLink(store, '#s=v1.xyz');
    expect(store.getState().openError).not.toBeNull();
    openLink(store, good);
    expect(store.getState().openError).toBeNull();
  });
});

describe('scenario files', () => {
  it('export then import gives the same run', async () => {
    const sender = busyStore();
    const { scenario } = currentLink(sender);
    const file = new File([scenarioToJson(scenario)], scenarioFileName(scenario.title));
    const receiver = newStore();
    expect(await openFile(receiver, file)).toBe(true);
    expect(receiver.getState().runSetup()).toEqual(sender.getState().runSetup());
    expect(receiver.getState().frame.time).toBe(0);
    receiver.getState().seekPosition({ timeMs: 4200, steps: sender.getState().frame.steps });
    expect(receiver.getState().result()).toEqual(sender.getState().result());
  });

  it('refuses bad files with their name and the problem, the run untouched', async () => {
    const bad: [BlobPart, string, string][] = [
      [
        new Uint8Array(1_048_577),
        'big.json',
        '“big.json” could not be opened: too large (1.0 MB; a scenario is at most 1 MB). Your run is unchanged.',
      ],
      [
        new Uint8Array([0x7b, 0xff, 0x7d]),
        'bin.json',
        '“bin.json” could not be opened: not UTF-8 text (is it a scenario .json file?). Your run is unchanged.',
      ],
      [
        '{"version": 1,',
        'cut.json',
        '“cut.json” could not be opened: malformed JSON at line 1, column 15: unexpected end of text. Your run is unchanged.',
      ],
      [
        JSON.stringify({ version: 1, title: 't', seed: 1, config: { servers: 1e9 }, actions: [] }),
        'x<script>.json',
        '“x<script>.json” could not be opened: config.servers: must be at most 9 (got 1000000000). Your run is unchanged.',
      ],
    ];
    for (const [body, name, message] of bad) {
      const store = busyStore();
      const before = snapshot(store);
      expect(await openFile(store, new File([body], name))).toBe(false);
      expect(openErrorText(store)).toBe(message);
      expect(snapshot(store)).toEqual(before);
    }
  });

  it('reads only what it must: a file over the cap is refused by its size alone', async () => {
    let sliced = false;
    const huge = { size: 5e9, slice: () => ((sliced = true), new Blob([])) } as unknown as Blob;
    expect(englishOf(await readScenarioFile(huge))).toBe(
      'too large (4768.4 MB; a scenario is at most 1 MB)',
    );
    expect(sliced).toBe(false);
  });

  it('names files safely', () => {
    expect(scenarioFileName('Raft Lab run: seed 7, 5 servers')).toBe(
      'raft-lab-run-seed-7-5-servers.json',
    );
    expect(scenarioFileName('<script>alert(1)</script>')).toBe('script-alert-1-script.json');
    expect(scenarioFileName('日本語')).toBe('raft-lab-run.json');
    expect(scenarioFileName('x'.repeat(300))).toBe(`${'x'.repeat(60)}.json`);
    expect(fileLabel('a'.repeat(100))).toBe(`“${'a'.repeat(60)}…”`);
  });

  it('links point at the page without its query or fragment', () => {
    expect(linkBase('https://a.invalid/lab/?seed=3&paused#s=v1.x.y')).toBe(
      'https://a.invalid/lab/',
    );
    expect(linkBase('file:///home/me/dist/index.html#lib=x')).toBe(
      'file:///home/me/dist/index.html',
    );
  });
});
