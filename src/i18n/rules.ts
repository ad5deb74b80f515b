/**
 * The rules the lab cites by ID (Figure 2 of the Raft paper, the safety invariants, the client,
 * membership and extension rules, the teaching bugs and the scripted scenarios), each with a short
 * title and one to three plain sentences, in every language of the app. The Rules panel lists them;
 * the feed, tooltips, the violation banner and story captions link their IDs here.
 * The IDs themselves never change with the language. This module holds the IDs, their groups
 * and their parsing; the words are in ruleCatalogue.ts, read through ruleTexts.ts.
 */
import { BUG_IDS } from '../core/types.ts';

/** The panel's sections, in the order shown. */
export const RULE_GROUPS = [
  {
    id: 'state',
    ids: ['F2-S1', 'F2-S2', 'F2-S3', 'F2-S4', 'F2-S5', 'F2-S6', 'F2-S7', 'F2-S8', 'F2-S9'],
  },
  { id: 'all', ids: ['F2-A1', 'F2-A2', 'F2-A3', 'F2-A4'] },
  { id: 'vote', ids: ['F2-RV1', 'F2-RV2', 'F2-RV3', 'F2-RV4', 'F2-RV5', 'F2-RV6'] },
  {
    id: 'append',
    ids: ['F2-AE1', 'F2-AE2', 'F2-AE3', 'F2-AE4', 'F2-AE5', 'F2-AE6', 'F2-AE7', 'F2-AE8', 'F2-AE9'],
  },
  {
    id: 'servers',
    ids: [
      'F2-L1',
      'F2-L2',
      'F2-L3',
      'F2-L4',
      'F2-L5',
      'F2-L6',
      'F2-L7',
      'F2-L8',
      'F2-F1',
      'F2-F2',
      'F2-T1',
      'F2-T2',
      'F2-T3',
    ],
  },
  { id: 'snapshot', ids: ['F2-IS1', 'F2-IS2', 'F2-IS3', 'F2-IS4', 'F2-IS5', 'F2-IS6', 'F2-IS7'] },
  {
    id: 'safety',
    ids: [
      'INV-ES',
      'INV-LAO',
      'INV-LM',
      'INV-LC',
      'INV-SMS',
      'INV-X1',
      'INV-X2',
      'INV-X3',
      'INV-X4',
      'INV-X5',
      'INV-X6',
      'INV-X7',
      'INV-X8',
      'INV-X9',
      'INV-X10',
      'INV-X11',
      'INV-X14',
      'INV-X15',
      'INV-C1',
      'INV-C2',
    ],
  },
  { id: 'client', ids: ['C-1', 'C-2', 'C-3', 'C-4', 'C-5'] },
  { id: 'membership', ids: ['M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6', 'M-7'] },
  { id: 'extensions', ids: ['X-PV', 'X-CQ', 'X-LT'] },
  { id: 'bugs', ids: [...BUG_IDS] },
  {
    id: 'scenarios',
    ids: [
      'SC-01',
      'SC-02',
      'SC-04',
      'SC-06',
      'SC-13',
      'SC-15',
      'SC-16',
      'SC-18',
      'SC-19',
      'SC-21',
      'SC-22',
      'SC-23',
      'SC-26',
      'SC-29',
      'SC-30',
      'SC-32',
      'SC-33',
      'SC-34',
      'SC-35',
      'SC-36',
      'SC-37',
      'SC-38',
      'SC-39',
      'SC-42',
      'SC-44',
      'SC-45',
      'SC-46',
      'SC-49',
    ],
  },
  { id: 'lab', ids: ['TRACE-HASH'] },
] as const;

export type RuleGroupId = (typeof RULE_GROUPS)[number]['id'];
export type RuleId = (typeof RULE_GROUPS)[number]['ids'][number];

/** A rule's title and its explanation. */
export type RuleText = readonly [title: string, text: string];
export type RuleCatalogue = Readonly<Record<RuleId, RuleText>>;

export const RULE_IDS: readonly RuleId[] = RULE_GROUPS.flatMap((g) => g.ids);

const KNOWN: ReadonlySet<string> = new Set(RULE_IDS);

/** The ID as one of ours, or null: unknown, hostile (`__proto__`, 10k characters) or not a string. */
export function parseRuleId(value: unknown): RuleId | null {
  if (typeof value !== 'string' || value.length > 20) return null;
  const id = value.trim().toUpperCase();
  return KNOWN.has(id) ? (id as RuleId) : null;
}

/** The group a rule is listed in. */
export function ruleGroup(id: RuleId): RuleGroupId {
  const group = RULE_GROUPS.find((g) => (g.ids as readonly string[]).includes(id));
  return group?.id ?? 'lab';
}

/** Matches every rule ID cited in running text, e.g. "(F2-A2)" or "C-4, C-5". */
export const RULE_ID_PATTERN =
  /\b(?:F2-[A-Z]+\d*|INV-[A-Z]+\d*|C-\d+|M-\d+|X-(?:PV|CQ|LT)|SC-\d+|BUG-[A-Z0-9]+|TRACE-HASH)\b/g;
