import type { ConversationDetail } from '../../../contract/conversations';

/** The table's hover line: "Turn count 10/10 · Response length 8/10 · On topic 3/10 …", weakest criteria first would hide the order people read, so it keeps the breakdown's order. */
export function breakdownText(breakdown: ConversationDetail['qualityBreakdown']): string {
  return breakdown.map((c) => `${c.label} ${Number.isInteger(c.score) ? c.score : c.score.toFixed(1)}/10`).join(' · ');
}

/** Bar and text colour of a criterion score: the same levels as the quality badge. */
export function levelClass(score: number): { bar: string; text: string } {
  if (score >= 8) return { bar: 'bg-success', text: 'text-success' };
  if (score >= 6) return { bar: 'bg-warning', text: 'text-warning' };
  return { bar: 'bg-danger', text: 'text-danger' };
}
