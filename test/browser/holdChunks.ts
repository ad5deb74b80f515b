/**
 * Opening the lab with some of its lazy chunks held back, to see what the page shows while they
 * are on their way (lazyParts, laterParts).
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { inject } from 'vitest';

export interface Held {
  page: Page;
  context: BrowserContext;
  /** Lets the held chunks through. */
  release: () => void;
  /** The page's uncaught errors (also what harness.ts's pageErrors reads). */
  errors: string[];
  /** Every script the page asked for, by file name. */
  scripts: string[];
}

/** Opens the lab with every chunk whose name starts with one of `chunks` held until release(). */
export async function openHolding(
  browser: Browser,
  chunks: string | readonly string[],
  viewport: { width: number; height: number },
  query = '',
): Promise<Held> {
  const names = typeof chunks === 'string' ? [chunks] : chunks;
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors: string[] }).errors = errors;
  const scripts: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (name.endsWith('.js')) scripts.push(name);
  });
  let open!: () => void;
  const gate = new Promise<void>((ok) => (open = ok));
  await page.route(
    (url) => {
      const name = url.pathname.split('/').pop() ?? '';
      return names.some((c) => name.startsWith(`${c}-`));
    },
    async (route: Route) => {
      await gate;
      await route.continue();
    },
  );
  await page.goto(inject('labUrl') + query);
  await page.waitForFunction(() => window.raftLab !== undefined);
  return { page, context, release: open, errors, scripts };
}

/** The sizes and languages the loading states are looked at in. */
export const LOADING_SCREENS: readonly ['en' | 'es' | 'pt', number, number][] = [
  ['en', 1440, 900],
  ['es', 1024, 768],
  ['pt', 1024, 768],
  ['en', 390, 844],
];
