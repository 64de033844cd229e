import { Command } from 'commander';
import type { GroundingCheckResponse } from '../contract/conversations';
import type { QualityDistribution, RescoreStatus } from '../contract/quality';
import { apiClient } from './api-client';

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * `convgen quality`: scores against reviewers' decisions (`distribution`), re-scoring stored
 * conversations with the current criteria (`rescore`, admin) and the provider-judged grounding
 * check of one conversation (`grounding`), from the running server.
 */
export function qualityCommand(): Command {
  const quality = new Command('quality').description("Quality scores against reviewers' decisions, and re-scoring with the current criteria");
  quality
    .command('distribution')
    .description('Approved, rejected and unreviewed conversations per score, and what a review threshold would catch')
    .option('--json', 'print the full answer as JSON')
    .action(async (opts: { json?: boolean }) => {
      const data = await apiClient().get<QualityDistribution>('/api/quality/distribution');
      if (opts.json) return void console.log(JSON.stringify(data, null, 2));
      if (!data.totals.scored) return void console.log('No scored conversations yet: generate some, then review a few.');
      console.log(`${'score'.padEnd(6)} ${'approved'.padStart(8)} ${'rejected'.padStart(8)} ${'unreviewed'.padStart(10)}`);
      for (const b of data.buckets) console.log(`${b.label.padEnd(6)} ${String(b.approved).padStart(8)} ${String(b.rejected).padStart(8)} ${String(b.unreviewed).padStart(10)}`);
      const current = data.thresholds.find((t) => t.threshold === data.currentThreshold);
      if (current) console.log(`\nToday (score < ${data.currentThreshold} flagged): ${pct(current.rejectionsCaught)} of rejections and ${pct(current.approvalsCaught)} of approvals caught.`);
      console.log(data.suggestion ? data.suggestion.sentence : 'Approve and reject a few conversations to see which threshold separates them best.');
      if (data.outdated) console.log(`${data.outdated} conversation(s) are still being re-scored with the current criteria.`);
    });
  quality
    .command('rescore')
    .description('Re-score every stored conversation with the current criteria, in the background (admin)')
    .option('--outdated-only', 'only conversations scored by older criteria (this also happens at every start)')
    .action(async (opts: { outdatedOnly?: boolean }) => {
      const status = await apiClient().post<RescoreStatus>('/api/quality/rescore', { force: !opts.outdatedOnly });
      console.log(`Re-scoring started (scoring version ${status.scoringVersion}, ${status.outdated} outdated). Check with: convgen quality distribution`);
    });
  quality
    .command('grounding <conversation>')
    .description("Check a conversation's statements against its source chunk with the configured provider (one request; offline: by shared words, $0)")
    .option('--json', 'print the full answer as JSON')
    .action(async (conversation: string, opts: { json?: boolean }) => {
      const result = await apiClient().post<GroundingCheckResponse>(`/api/conversations/${encodeURIComponent(conversation)}/grounding-check`, {});
      if (opts.json) return void console.log(JSON.stringify(result, null, 2));
      const claims = result.sentences.filter((s) => s.verdict !== 'not_a_claim');
      console.log(`${pct(result.supportedShare)} of ${claims.length} factual statements supported (checked by ${result.model ?? 'the provider'}, $${result.costUsd.toFixed(4)}).`);
      for (const s of result.sentences.filter((x) => !x.supported)) console.log(`  ${s.verdict === 'contradicted' ? 'contradicted' : 'unsupported '}  turn ${s.turnNumber}: ${s.text}${s.reason ? `\n                 ${s.reason}` : ''}`);
    });
  return quality;
}
