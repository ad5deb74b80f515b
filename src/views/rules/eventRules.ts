/**
 * Which rule each line of the event feed follows from, and the feed sentence split into its words
 * and the rule IDs it cited inline ("(F2-A2)", "(follower read, C-4)"): the feed shows the IDs as
 * chips that open the Rules panel, not as text in parentheses. Pure, so it is tested in Node.
 */
import type { SimEvent } from '../../core/types.ts';
import type { RuleId } from '../../i18n/rules.ts';
import { splitRuleIds } from './splitRuleIds.ts';

/** The rule that caused an event (empty for an action taken by hand). */
export function eventRules(e: SimEvent): RuleId[] {
  switch (e.type) {
    case 'electionStart':
      return ['F2-F2'];
    case 'vote':
      return ['F2-RV2'];
    case 'preVoteStart':
    case 'preVote':
      return ['X-PV'];
    case 'voteIgnored':
      return ['M-7'];
    case 'quorumLost':
      return ['X-CQ'];
    case 'becomeLeader':
      return ['INV-ES'];
    case 'stepDown':
      return e.from === 'candidate' || e.from === 'precandidate' ? ['F2-AE2'] : ['F2-A2'];
    case 'append':
      if (e.command === 'noop') return ['F2-L7'];
      return e.command.startsWith('config ') ? ['M-1'] : ['F2-L2'];
    case 'replicate':
      return ['F2-AE5'];
    case 'truncate':
      return ['F2-AE4'];
    case 'commit':
      return ['F2-L5'];
    case 'apply':
      return e.duplicate ? ['C-2'] : ['F2-A1'];
    case 'crash':
      return ['F2-S9'];
    case 'restart':
      return ['F2-S4'];
    case 'membership':
      switch (e.phase) {
        case 'refused':
          return e.reason === 'noCommitThisTerm' ? ['M-3'] : ['M-2'];
        case 'start':
        case 'catchUp':
        case 'aborted':
          return ['M-5'];
        case 'joint':
        case 'final':
          return ['M-4'];
        case 'done':
          return ['M-1'];
        case 'leave':
          return ['M-6'];
      }
      return [];
    case 'transfer':
      return ['X-LT'];
    case 'read':
      if (e.mode === 'lease') return ['C-5'];
      return e.mode === 'local' ? ['BUG-LOCALREAD'] : ['C-4'];
    case 'snapshot':
      return ['F2-IS6'];
    case 'installSnapshot':
      return e.reset ? ['F2-IS5'] : ['F2-IS4'];
    case 'clientSend':
    case 'clientRedirect':
      return ['C-1'];
    case 'clientReply':
      return ['F2-L2'];
    case 'clientLateReply':
      return ['C-2'];
    case 'drop':
      return ['F2-T3'];
    case 'violation':
      return [e.violation.invariant];
    case 'action':
    case 'send':
    case 'deliver':
      return [];
  }
}

/** A feed line: its words, then every rule it follows from (the event's own first), no repeats. */
export function feedLineRules(e: SimEvent, sentence: string): { text: string; rules: RuleId[] } {
  const { text, rules } = splitRuleIds(sentence);
  return { text, rules: [...new Set([...eventRules(e), ...rules])] };
}
