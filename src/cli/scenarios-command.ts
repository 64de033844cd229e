import { Command } from 'commander';
import { createScenarioBody, deriveScenariosBody, SCENARIO_CATEGORIES, type DeriveEstimate, type DeriveRunResponse, type ScenarioItem, type ScenarioPage } from '../contract/scenarios';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';
import { follow } from './generate-command';

function invalid(issue: { path: PropertyKey[]; message: string }, hint: string): AppError {
  return new AppError({ code: 'invalid_arguments', message: `${String(issue.path[0] ?? 'arguments')}: ${issue.message}.`, hint });
}

/** `convgen scenarios list | add | derive`: the tier 2 scenario library on the running server. */
export function scenariosCommand(): Command {
  const scenarios = new Command('scenarios').description('The scenario library (tier 2): list, write by hand, draw from documents');

  scenarios
    .command('list')
    .description('List scenarios (favourites first) with their category, usage and source')
    .option('--q <text>', 'search titles, descriptions, problems, solutions, outcomes and tags')
    .option('--category <category>', `only one category (${SCENARIO_CATEGORIES.join(', ')})`)
    .option('--archived', 'list the archived scenarios instead')
    .option('--json', 'print the API answer as JSON')
    .action(async (o: { q?: string; category?: string; archived?: boolean; json?: boolean }) => {
      const params = new URLSearchParams({ pageSize: '200', ...(o.q ? { q: o.q } : {}), ...(o.category ? { category: o.category } : {}), ...(o.archived ? { archived: 'true' } : {}) });
      const page = await apiClient().get<ScenarioPage>(`/api/scenarios?${params}`);
      if (o.json) return void console.log(JSON.stringify(page, null, 2));
      for (const s of page.items) {
        const source = s.source ? ` · from ${s.source.documentTitle}${s.source.chunkOrdinal !== null ? ` chunk ${s.source.chunkOrdinal}` : ''}` : '';
        console.log(`${s.favorite ? '★' : ' '} ${s.id}  ${s.title}  [${s.category}] · ${s.usage.conversations} conversations · ${s.origin}${source}`);
      }
      console.log(`${page.total} scenario${page.total === 1 ? '' : 's'}${page.total > page.items.length ? ` (first ${page.items.length} shown)` : ''}.`);
    });

  scenarios
    .command('add')
    .description('Write a scenario by hand')
    .requiredOption('--title <title>', 'a short, specific title')
    .requiredOption('--problem <text>', 'the problem context: the customer’s situation')
    .requiredOption('--solution <text>', 'the action the assistant recommends')
    .requiredOption('--outcome <text>', 'the outcome')
    .option('--category <category>', `${SCENARIO_CATEGORIES.join(', ')}`, 'financial')
    .option('--description <text>', 'one or two sentences', '')
    .option('--tag <tags...>', 'tags')
    .option('--persona <key>', 'a persona key from the catalog')
    .option('--emotion <key>', 'an emotion key from the catalog')
    .option('--topic <key>', 'a topic key from the catalog')
    .action(async (o: { title: string; problem: string; solution: string; outcome: string; category: string; description: string; tag?: string[]; persona?: string; emotion?: string; topic?: string }) => {
      const { tag, ...fields } = o;
      const body = createScenarioBody.safeParse({ ...fields, tags: tag ?? [] });
      if (!body.success) throw invalid(body.error.issues[0], 'See `convgen scenarios add --help`.');
      const created = await apiClient().post<ScenarioItem>('/api/scenarios', body.data);
      console.log(`Added "${created.title}" (${created.id}).`);
    });

  scenarios
    .command('derive')
    .description('Draw scenarios from document chunks with the configured provider (estimate first; --yes to start)')
    .option('--document <ids...>', 'only these documents (ids from `convgen documents list`)')
    .option('--category <category>', 'ask only for scenarios of this category')
    .option('--per-chunk <n>', 'scenarios per chunk (1–3)', Number)
    .option('--limit-usd <dollars>', 'spending limit for this run', Number)
    .option('--yes', 'start the run after printing the estimate')
    .option('--no-wait', 'start the run and return without following it')
    .action(async (o: { document?: string[]; category?: string; perChunk?: number; limitUsd?: number; yes?: boolean; wait: boolean }) => {
      const body = deriveScenariosBody.safeParse({
        ...(o.document ? { documentIds: o.document } : {}),
        ...(o.category ? { category: o.category } : {}),
        ...(o.perChunk !== undefined ? { perChunk: o.perChunk } : {}),
        ...(o.limitUsd !== undefined ? { spendingLimitUsd: o.limitUsd } : {}),
      });
      if (!body.success) throw invalid(body.error.issues[0], 'Give document ids as `convgen documents list` prints them.');
      const api = apiClient();
      const estimate = await api.post<DeriveEstimate>('/api/scenarios/derive/estimate', body.data);
      console.log(`${estimate.count} chunks · about $${estimate.estimatedCostUsd.toFixed(2)} · about ${Math.ceil(estimate.estimatedSeconds / 60)} min · ${estimate.provider} ${estimate.model}`);
      for (const warning of estimate.warnings) console.log(`! ${warning}`);
      if (estimate.count === 0) return void console.log('There is nothing to draw from: add a document first (`convgen documents add`), or every chosen chunk already has its scenarios.');
      if (!o.yes) return void console.log('Nothing started. Run again with --yes to draw these scenarios.');
      const { runId, total } = await api.post<DeriveRunResponse>('/api/scenarios/derive', body.data);
      console.log(`Run ${runId} started with ${total} chunks.`);
      if (!o.wait) return;
      const final = await follow(api, runId);
      console.log(`Run ${final.status}: ${final.succeeded} chunks drawn from, ${final.failed} failed, $${final.spentUsd.toFixed(2)} spent. See them with \`convgen scenarios list\`.`);
      if (final.failed > 0 || final.status !== 'completed') process.exitCode = 1;
    });

  return scenarios;
}
