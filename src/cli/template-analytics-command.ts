import { Command } from 'commander';
import type { TemplateAnalytics } from '../contract/template-analytics';
import { apiClient } from './api-client';

const quality = (q: number | null) => (q === null ? '—' : q.toFixed(1));
const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/**
 * `convgen template-analytics`: usage, quality and approval per template from the running server
 * (US7.1.2), sorted and filtered like the page, then its recommendations. `--json` prints the
 * API's answer as it is, versions included.
 */
export function templateAnalyticsCommand(): Command {
  return new Command('template-analytics')
    .description('Usage, average quality and approval rate per template, with recommendations')
    .option('--tier <tier>', 'template, scenario or edge_case')
    .option('--min-quality <score>', 'only templates averaging at least this (0–10)')
    .option('--sort <by>', 'usage, quality or approval', 'usage')
    .option('--order <order>', 'asc or desc', 'desc')
    .option('--json', 'print the full answer as JSON')
    .action(async (opts: { tier?: string; minQuality?: string; sort: string; order: string; json?: boolean }) => {
      const query = new URLSearchParams({ sort: opts.sort, order: opts.order });
      if (opts.tier) query.set('tier', opts.tier);
      if (opts.minQuality) query.set('minQuality', opts.minQuality);
      const data = await apiClient().get<TemplateAnalytics>(`/api/templates/analytics?${query}`);
      if (opts.json) {
        console.log(JSON.stringify(data, null, 2));
        return;
      }
      if (!data.anyGenerated) {
        console.log('No template has made a conversation yet: analytics appear once conversations are generated and reviewed.');
        return;
      }
      console.log(`${'template'.padEnd(36)} ${'tier'.padEnd(10)} ${'generated'.padStart(9)} ${'quality'.padStart(7)} ${'approval'.padStart(8)}`);
      for (const t of data.items) {
        console.log(`${t.key.slice(0, 36).padEnd(36)} ${t.tier.padEnd(10)} ${String(t.usage.generated).padStart(9)} ${quality(t.usage.averageQuality).padStart(7)} ${rate(t.usage.approvalRate).padStart(8)}`);
      }
      if (data.recommendations.length) console.log('\nRecommendations:');
      for (const r of data.recommendations) console.log(`- ${r.message}`);
    });
}
