import { Command, InvalidArgumentError } from 'commander';
import type { PlanCreated, PlanPreview, PlanRequest } from '../contract/plan';
import { TIER_LABELS, TIERS } from '../core/tiers';
import { apiClient } from './api-client';

/** `40/35/15` → the three tier shares, or a usage error naming the form it wants. */
export function parseSplit(text: string): NonNullable<PlanRequest['split']> {
  const parts = text.split('/').map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 100)) {
    throw new InvalidArgumentError('give three whole numbers from 0 to 100 for the template, scenario and edge-case tiers, such as 40/35/15');
  }
  return { template: parts[0], scenario: parts[1], edge_case: parts[2] };
}

const parseCount = (text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number of conversations, such as 20');
  return n;
};
const parseList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function describe(plan: PlanPreview | PlanCreated, count: number) {
  const lines = [`${count.toLocaleString('en-US')} conversations: ${TIERS.map((t) => `${plan.byTier[t]} ${TIER_LABELS[t].toLowerCase()}`).join(', ')}`];
  const top = (title: string, counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    if (entries.length) lines.push(`  ${title}: ${entries.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  };
  top('by persona', plan.byPersona);
  top('by arc', plan.byArc);
  top('by category', plan.byCategory);
  for (const warning of plan.warnings) lines.push(`  note: ${warning}`);
  return lines.join('\n');
}

export function planCommand(): Command {
  return new Command('plan')
    .description('Plan conversations: create not-generated slots spread evenly over your personas, emotions, topics, arcs and documents')
    .requiredOption('--count <n>', 'how many conversations to plan', parseCount)
    .option('--split <t/s/e>', "tier shares, such as 40/35/15 (default: the workspace's split)", parseSplit)
    .option('--persona <keys>', 'only these personas (comma-separated keys)', parseList)
    .option('--category <names>', 'only chunks of documents in these categories (comma-separated)', parseList)
    .option('--preview', 'show the plan without creating anything')
    .action(async (opts: { count: number; split?: PlanRequest['split']; persona?: string[]; category?: string[]; preview?: boolean }) => {
      const body: PlanRequest = { count: opts.count, ...(opts.split ? { split: opts.split } : {}), ...(opts.persona ? { personas: opts.persona } : {}), ...(opts.category ? { categories: opts.category } : {}) };
      const client = apiClient();
      if (opts.preview) {
        const preview = await client.post<PlanPreview>('/api/plan/preview', body);
        console.log(`Would plan ${describe(preview, preview.planned)}\nNothing was created. Run again without --preview to create them.`);
        return;
      }
      const created = await client.post<PlanCreated>('/api/plan', body);
      const ids = created.conversationIds;
      console.log(`Planned ${describe(created, created.created)}`);
      if (ids.length) console.log(`Ids ${ids[0]} – ${ids[ids.length - 1]}. Generate them with: convgen generate --all (or from the Conversations page).`);
    });
}
