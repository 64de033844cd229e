import { Command, Option } from 'commander';
import type { EdgeCaseCoverage, EdgeCaseItem, EdgeCaseList, EdgeCaseSuggestionList } from '../contract/edge-cases';
import { EDGE_CASE_CATEGORIES, EDGE_CASE_CATEGORY_LABELS, type EdgeCaseCategory } from '../core/edge-case-categories';
import { edgeCaseCoverageCsv } from '../core/edge-case-coverage-csv';
import { apiClient } from './api-client';

const label = (c: string) => EDGE_CASE_CATEGORY_LABELS[c as EdgeCaseCategory] ?? c;

/** `convgen edge-cases list | add | suggestions | coverage [--csv]`, through the running server's API (US8.3.1, US8.3.2). */
export function edgeCasesCommand(): Command {
  const edge = new Command('edge-cases').description('The edge-case library (Tier 3): list, add your own, suggestions, coverage');
  edge
    .command('list')
    .description('list the edge cases with their category and usage')
    .option('--archived', 'include archived ones')
    .addOption(new Option('--category <category>', 'only this category').choices([...EDGE_CASE_CATEGORIES]))
    .action(async (opts: { archived?: boolean; category?: string }) => {
      const query = new URLSearchParams({ ...(opts.archived ? { archived: 'all' } : {}), ...(opts.category ? { category: opts.category } : {}) }).toString();
      const { items } = await apiClient().get<EdgeCaseList>(`/api/edge-cases${query ? `?${query}` : ''}`);
      if (!items.length) console.log('No edge cases: add one with `convgen edge-cases add`.');
      for (const e of items) {
        console.log(`${e.title}${e.archived ? '  [archived]' : ''}`);
        console.log(`  ${label(e.category)} · used ${e.usage.conversations}, generated ${e.usage.generated}, approved ${e.usage.approved}, below the bar ${e.usage.belowBar}`);
        console.log(`  prompt: “${e.adversarialPrompt}”`);
      }
    });
  edge
    .command('add')
    .description('add your own edge case: the conditions to test, the adversarial prompt and the expected behaviour')
    .requiredOption('--title <title>', 'a unique title')
    .addOption(new Option('--category <category>', 'its category').choices([...EDGE_CASE_CATEGORIES]).makeOptionMandatory())
    .requiredOption('--description <text>', 'the conditions to test')
    .requiredOption('--prompt <text>', 'the adversarial prompt: what the user says')
    .requiredOption('--expected <text>', 'the expected behaviour')
    .option('--persona <key>', 'a persona key from the catalog')
    .option('--emotion <key>', 'an emotion key from the catalog')
    .option('--topic <key>', 'a topic key from the catalog')
    .action(async (o: { title: string; category: string; description: string; prompt: string; expected: string; persona?: string; emotion?: string; topic?: string }) => {
      const created = await apiClient().post<EdgeCaseItem>('/api/edge-cases', {
        title: o.title,
        category: o.category,
        description: o.description,
        adversarialPrompt: o.prompt,
        expectedBehavior: o.expected,
        ...(o.persona ? { persona: o.persona } : {}),
        ...(o.emotion ? { emotion: o.emotion } : {}),
        ...(o.topic ? { topic: o.topic } : {}),
      });
      console.log(`Added “${created.title}” (${label(created.category)}).`);
    });
  edge
    .command('suggestions')
    .description('edge cases worth testing: persona × emotion pairs never tested in the edge-case tier')
    .option('--all', 'include dismissed and completed ones')
    .action(async (opts: { all?: boolean }) => {
      const { items } = await apiClient().get<EdgeCaseSuggestionList>('/api/edge-cases/suggestions');
      const shown = opts.all ? items : items.filter((s) => s.status === 'open');
      if (!shown.length) console.log('No open suggestions.');
      for (const s of shown) console.log(`${s.key.padEnd(40)} ${label(s.category).padEnd(20)} ${s.status.padEnd(10)} ${s.reason}`);
    });
  edge
    .command('coverage')
    .description('the edge-case coverage report: per category, and per persona')
    .option('--csv', 'print it as CSV (the same file as the page’s Export CSV)')
    .action(async (opts: { csv?: boolean }) => {
      const report = await apiClient().get<EdgeCaseCoverage>('/api/edge-cases/coverage');
      if (opts.csv) return void process.stdout.write(edgeCaseCoverageCsv(report));
      console.log(`Edge-case bar: ${report.edgeCaseMinScore}`);
      console.log(`${'category'.padEnd(22)} defs  conv  gen  appr  below`);
      for (const c of [...report.categories, { ...report.totals, label: 'All categories' }]) {
        console.log(`${c.label.padEnd(22)} ${[c.definitions, c.conversations, c.generated, c.approved, c.belowBar].map((n) => String(n).padStart(4)).join('  ')}`);
      }
    });
  return edge;
}
