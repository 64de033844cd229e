import type { RegeneratePreview } from '../../../contract/regenerate';
import { REGENERATION_SKIP_REASONS, type RegenerationSkipReason } from '../../../core/regeneration';

/** Why some are skipped, after the count: for one, and for several. */
const SKIP_TEXT: Record<RegenerationSkipReason, [string, string]> = {
  not_generated: ['is not generated yet, so there is nothing to reject (generate it instead)', 'are not generated yet, so there is nothing to reject (generate them instead)'],
  generating: ['is being generated right now (wait for its run to finish)', 'are being generated right now (wait for their run to finish)'],
  seed: ['is a seed, written by hand and never regenerated', 'are seeds, written by hand and never regenerated'],
  replaced: ['was already replaced by a newer version (reject and regenerate that one instead)', 'were already replaced by newer versions (reject and regenerate those instead)'],
};

export interface RegenerateLine {
  tone: 'change' | 'skip' | 'missing';
  text: string;
}

const n = (count: number) => count.toLocaleString('en');

/**
 * The bulk dialog's account of a reject-and-regenerate before it runs: how many are rejected
 * and how many keep an earlier rejection, all planned again; one line per reason some are
 * skipped ("2 are not generated yet…: skipped"); ids that name nothing.
 */
export function regenerateLines(p: RegeneratePreview): RegenerateLine[] {
  const lines: RegenerateLine[] = [];
  const count = p.conversationIds.length;
  const alreadyRejected = count - p.toReject;
  if (p.toReject) lines.push({ tone: 'change', text: `${n(p.toReject)} will be rejected with your note and regenerated` });
  if (alreadyRejected) lines.push({ tone: 'change', text: `${n(alreadyRejected)} ${alreadyRejected === 1 ? 'is' : 'are'} already rejected: ${alreadyRejected === 1 ? 'it keeps its' : 'they keep their'} rejection and will be regenerated` });
  for (const reason of REGENERATION_SKIP_REASONS) {
    const skipped = p.skippedByReason[reason];
    if (skipped) lines.push({ tone: 'skip', text: `${n(skipped)} ${SKIP_TEXT[reason][skipped === 1 ? 0 : 1]}: skipped` });
  }
  if (p.notFound) lines.push({ tone: 'missing', text: `${n(p.notFound)} no longer exist${p.notFound === 1 ? 's' : ''} (deleted since selected?): skipped` });
  return lines;
}

/** "8 selected: 5 will be regenerated, 3 skipped." */
export function regenerateHeadline(p: RegeneratePreview): string {
  const total = p.selected + p.notFound;
  const count = p.conversationIds.length;
  if (p.tooMany) return `Too many at once: reject and regenerate takes at most ${n(p.max)} conversations. Narrow the selection with a filter.`;
  if (count === 0) return `Nothing to regenerate: none of the ${n(total)} selected can be rejected and regenerated now.`;
  const skipped = total - count;
  return `${n(total)} selected: ${n(count)} will be regenerated${skipped ? `, ${n(skipped)} skipped` : ''}.`;
}
