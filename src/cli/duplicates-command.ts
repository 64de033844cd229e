import { Command } from 'commander';
import type { DiversityResponse, DuplicatesResponse } from '../contract/dataset-health';
import { apiClient } from './api-client';

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** `convgen duplicates`: how many conversations are near-duplicates, and the most similar pairs. */
export function duplicatesCommand(): Command {
  return new Command('duplicates')
    .description('How many conversations are near-duplicates of an earlier one, and the most similar pairs')
    .option('--limit <n>', 'pairs to list (1–100)', '10')
    .option('--json', 'print the answer as JSON')
    .action(async (opts: { limit: string; json?: boolean }) => {
      const data = await apiClient().get<DuplicatesResponse>(`/api/duplicates?limit=${encodeURIComponent(opts.limit)}`);
      if (opts.json) {
        console.log(JSON.stringify(data, null, 2));
        return;
      }
      console.log(`${data.count} near-duplicate conversation${data.count === 1 ? '' : 's'} (at least ${pct(data.threshold)} similar to an earlier one).`);
      if (data.unchecked) console.log(`${data.unchecked} conversation(s) are still being checked; run again in a moment.`);
      for (const p of data.pairs) console.log(`  ${pct(p.similarity).padStart(4)}  ${p.conversationId} ≈ ${p.of.conversationId}  ${p.title.slice(0, 60)}`);
      if (data.count) console.log('Leave them out of an export with --exclude-near-duplicates, or filter the table with nearDuplicate=1.');
    });
}

/** `convgen diversity`: distinct-n and vocabulary overall, per tier and per persona. */
export function diversityCommand(): Command {
  return new Command('diversity')
    .description('Lexical diversity (distinct-1, distinct-2, vocabulary) overall, per tier and per persona')
    .option('--json', 'print the answer as JSON')
    .action(async (opts: { json?: boolean }) => {
      const data = await apiClient().get<DiversityResponse>('/api/diversity');
      if (opts.json) {
        console.log(JSON.stringify(data, null, 2));
        return;
      }
      if (!data.overall.conversations) {
        console.log('No generated conversations yet: generate some, then measure their diversity.');
        return;
      }
      const line = (label: string, g: { conversations: number; distinct1: number; distinct2: number; vocabulary: number; averageWords: number }) =>
        console.log(`${label.slice(0, 30).padEnd(30)} ${String(g.conversations).padStart(5)} ${pct(g.distinct1).padStart(6)} ${pct(g.distinct2).padStart(6)} ${String(g.vocabulary).padStart(7)} ${String(g.averageWords).padStart(7)}`);
      console.log(`${'group'.padEnd(30)} ${'read'.padStart(5)} ${'dist-1'.padStart(6)} ${'dist-2'.padStart(6)} ${'vocab'.padStart(7)} ${'words'.padStart(7)}`);
      line('All conversations', data.overall);
      for (const g of data.byTier) line(`Tier: ${g.label}`, g);
      for (const g of data.byPersona) line(`Persona: ${g.label}`, g);
      console.log(`(up to ${data.samplePerGroup} conversations read per group)`);
    });
}
