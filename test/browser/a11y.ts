/**
 * Accessibility checks for the browser tests, with axe-core (a devDependency) injected into the
 * page under test. Any view can be checked in two lines:
 *
 *   const found = await axeViolations(page);            // every violation, with its impact
 *   expectNoSeriousViolations(found, 'the Rules panel'); // fails, listing them readably
 *
 * `axeViolations` keeps, per violation, the rule id, its impact (minor, moderate, serious,
 * critical), axe's help text and link, and each offending node's selector and failure summary.
 * `seriousOnly` keeps the serious and critical ones; `formatViolations` prints a list for a test
 * failure or a report.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, resolved from node_modules. */
export const AXE_PATH: string = require.resolve('axe-core/axe.min.js');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface A11yNode {
  /** axe's CSS selector for the element (a list when it sits inside frames or shadow roots). */
  target: string[];
  /** What is wrong with this element, in axe's words ("Fix any of the following: …"). */
  summary: string;
  /** The element's opening markup, cut short. */
  html: string;
}

export interface A11yViolation {
  id: string;
  impact: Impact | null;
  help: string;
  helpUrl: string;
  nodes: A11yNode[];
}

export interface AxeOptions {
  /** Limit the check to this part of the page (a CSS selector); default the whole document. */
  include?: string;
  /** Parts of the page to leave out (CSS selectors), e.g. a third-party frame. */
  exclude?: string[];
  /** Rule ids to switch off, each with a reason in the calling test. */
  disableRules?: string[];
}

/**
 * Injects axe-core once per document (a reload or a navigation needs it again) and runs it,
 * returning every violation. Waits two animation frames first so React has painted.
 */
export async function axeViolations(
  page: Page,
  options: AxeOptions = {},
): Promise<A11yViolation[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.addScriptTag({ path: AXE_PATH });
  const json = await page.evaluate(
    async ({ include, exclude, disableRules }) => {
      await new Promise<void>((ok) =>
        requestAnimationFrame(() => requestAnimationFrame(() => ok())),
      );
      type AxeNode = { target: unknown[]; failureSummary?: string; html: string };
      type AxeResult = {
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: AxeNode[];
      };
      const axe = (
        window as unknown as {
          axe: {
            run: (context: unknown, options: unknown) => Promise<{ violations: AxeResult[] }>;
          };
        }
      ).axe;
      const context =
        include === undefined && exclude.length === 0
          ? document
          : {
              include: include === undefined ? [document] : [include],
              exclude: exclude.map((s) => [s]),
            };
      const rules: Record<string, { enabled: boolean }> = {};
      for (const id of disableRules) rules[id] = { enabled: false };
      const result = await axe.run(context, { resultTypes: ['violations'], rules });
      return JSON.stringify(
        result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({
            target: n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))),
            summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
            html: n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html,
          })),
        })),
      );
    },
    {
      include: options.include,
      exclude: options.exclude ?? [],
      disableRules: options.disableRules ?? [],
    },
  );
  return JSON.parse(json) as A11yViolation[];
}

export function seriousOnly(violations: readonly A11yViolation[]): A11yViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list: one block per rule, one line per element (at most `perRule` of them). */
export function formatViolations(violations: readonly A11yViolation[], perRule = 6): string {
  if (violations.length === 0) return '(no violations)';
  return violations
    .map((v) => {
      const lines = v.nodes
        .slice(0, perRule)
        .map((n) => `    - ${n.target.join(' | ')}\n      ${n.summary}\n      ${n.html}`);
      if (v.nodes.length > perRule) lines.push(`    … and ${v.nodes.length - perRule} more`);
      return `[${v.impact ?? 'no impact'}] ${v.id}: ${v.help} (${v.nodes.length} element${
        v.nodes.length === 1 ? '' : 's'
      })\n    ${v.helpUrl}\n${lines.join('\n')}`;
    })
    .join('\n');
}

/** One line per rule, for a report: `moderate region ×3`. */
export function summarizeViolations(violations: readonly A11yViolation[]): string[] {
  return violations.map((v) => `${v.impact ?? 'no impact'} ${v.id} ×${v.nodes.length}`);
}

/** Fails with the readable list when any violation is serious or critical. */
export function expectNoSeriousViolations(
  violations: readonly A11yViolation[],
  where: string,
): void {
  const serious = seriousOnly(violations);
  expect(
    serious.length,
    `serious or critical accessibility violations in ${where}:\n${formatViolations(serious)}\n`,
  ).toBe(0);
}

/** Runs axe on the page and fails on a serious or critical violation; returns all of them. */
export async function checkA11y(
  page: Page,
  where: string,
  options: AxeOptions = {},
): Promise<A11yViolation[]> {
  const found = await axeViolations(page, options);
  expectNoSeriousViolations(found, where);
  return found;
}
