import { Command } from 'commander';
import type { TiersOverview } from '../contract/tiers';
import { apiClient } from './api-client';

/** `convgen tiers`: the three tiers' progress, through the running server's API. */
export function tiersCommand(): Command {
  return new Command('tiers').description('Show the three tiers: slots, how many are generated, their targets and the template tier’s arcs').action(async () => {
    const o = await apiClient().get<TiersOverview>('/api/tiers');
    for (const tier of o.items) {
      const s = tier.byStatus;
      console.log(`${tier.label.padEnd(20)} ${tier.generated} of ${tier.total} generated (target ${tier.target}) · ${s.not_generated} not generated, ${s.approved} approved, ${s.rejected} rejected, ${s.failed} failed`);
    }
    console.log(`Arcs: ${o.template.distributionText || 'no template conversations yet'}`);
    const missing = o.template.coverage.missing.length;
    if (missing) console.log(`${missing} persona × arc combination(s) have no template conversation: POST /api/tiers/template/fill, or "Fill Missing Template Combinations" on the Tiers page.`);
    console.log('Generate one tier with `convgen generate --tier template|scenario|edge_case`.');
  });
}
