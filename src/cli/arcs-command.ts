import { Command } from 'commander';
import type { ArcList } from '../contract/arcs';
import { distributionPreview } from '../core/arc-distribution';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';

function print(items: ArcList['items']) {
  for (const a of items) console.log(`  ${a.key.padEnd(24)} ${a.label.padEnd(22)} ${a.enabled ? `${String(a.percent).padStart(3)} %` : '  off'}  ${a.startEmotion} → ${a.endEmotion}`);
  const labels = new Map(items.map((a) => [a.key, a.label]));
  console.log(distributionPreview(40, items, (k) => labels.get(k) ?? k));
}

/** `KEY=PERCENT` (enabled with that share) or `KEY=off`. */
export function parseArcAssignment(text: string): { key: string; enabled: boolean; percent?: number } {
  const match = /^([a-z0-9_]+)=(off|\d{1,3})$/.exec(text.trim());
  if (!match) throw new AppError({ code: 'invalid_argument', message: `"${text}" is not KEY=PERCENT.`, hint: 'Write e.g. triumph=40 struggle_to_success=60 discovery=off.' });
  return match[2] === 'off' ? { key: match[1], enabled: false } : { key: match[1], enabled: true, percent: Number(match[2]) };
}

/** `convgen arcs list | set KEY=PERCENT… | reset`: the template tier's arcs, through the running server's API. */
export function arcsCommand(): Command {
  const arcs = new Command('arcs').description("Show or set the template tier's emotional arcs and their percentages");
  arcs
    .command('list')
    .description('each arc, enabled or not, its percent and where it goes emotionally; then what 40 conversations would be')
    .action(async () => print((await apiClient().get<ArcList>('/api/arcs')).items));
  arcs
    .command('set')
    .argument('<assignments...>', 'KEY=PERCENT or KEY=off; arcs not named are switched off')
    .description('set the distribution: the arcs named (with a percent) are enabled and must add up to 100')
    .action(async (assignments: string[]) => {
      const api = apiClient();
      const asked = assignments.map(parseArcAssignment);
      const { items } = await api.get<ArcList>('/api/arcs');
      const named = new Map(asked.map((a) => [a.key, a]));
      const body = [
        ...items.map((a) => {
          const set = named.get(a.key);
          return set ? { key: a.key, enabled: set.enabled, percent: set.percent ?? a.percent } : { key: a.key, enabled: false, percent: a.percent };
        }),
        // Unknown keys go to the server, which names them.
        ...asked.filter((a) => !items.some((i) => i.key === a.key)).map((a) => ({ key: a.key, enabled: a.enabled, percent: a.percent ?? 0 })),
      ];
      print((await api.put<ArcList>('/api/arcs', { items: body })).items);
    });
  arcs
    .command('reset')
    .description('back to the built-in arcs with equal shares')
    .action(async () => print((await apiClient().post<ArcList>('/api/arcs/reset')).items));
  return arcs;
}
