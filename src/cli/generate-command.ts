import { Command, Option } from 'commander';
import { createRunBody, selectorFilter, type CreateRunResponse, type RunEstimate, type RunProgress } from '../contract/runs';
import { AppError } from '../core/errors';
import { TIERS } from '../core/tiers';
import { apiClient, type ApiClient } from './api-client';
import { progressLine } from './progress-line';

/** `--filter "persona=a,b&tier=template&q=fees"`: the table's URL query, as a selector filter. */
export function parseFilter(text: string) {
  const params = new URLSearchParams(text);
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (['qualityMin', 'qualityMax', 'confidenceMin', 'tokensMin', 'tokensMax'].includes(key)) raw[key] = Number(value);
    else if (key === 'q') raw[key] = value;
    else raw[key] = value.split(',').map((v) => v.trim()).filter(Boolean);
  }
  const parsed = selectorFilter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError({ code: 'invalid_filter', message: `The filter's "${String(issue.path[0] ?? '')}" ${issue.message}.`, hint: 'Use the same keys as the table URL, e.g. --filter "persona=anxious_investor&tier=template".' });
  }
  return parsed.data;
}

/** Polls the run every 2 s, redrawing one progress line, until it stops. */
export async function follow(api: ApiClient, runId: string, out: NodeJS.WriteStream = process.stdout): Promise<RunProgress> {
  for (;;) {
    const run = await api.get<RunProgress>(`/api/runs/${runId}`);
    const line = progressLine(run);
    out.write(out.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
    if (!['queued', 'running'].includes(run.status)) {
      if (out.isTTY) out.write('\n');
      return run;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export function generateCommand(): Command {
  return new Command('generate')
    .description('Start a generation run on the running server (CONVGEN_URL, CONVGEN_API_TOKEN)')
    .option('--all', 'every conversation not generated yet')
    .addOption(new Option('--tier <tier>', 'one tier').choices([...TIERS]))
    .option('--ids <ids...>', 'conversation ids (conv-00042 …)')
    .option('--filter <query>', 'like the table URL: "persona=a,b&tier=template"')
    .option('--regenerate', 'also regenerate conversations that already have text')
    .option('--limit-usd <dollars>', 'spending limit for this run', Number)
    .option('--concurrency <n>', 'calls at once', Number)
    .option('--email', 'email me when it finishes')
    .option('--estimate', 'only print the estimate')
    .option('--wait', 'follow progress until the run ends')
    .action(async (o: { all?: boolean; tier?: string; ids?: string[]; filter?: string; regenerate?: boolean; limitUsd?: number; concurrency?: number; email?: boolean; estimate?: boolean; wait?: boolean }) => {
      const body = createRunBody.safeParse({
        ...(o.all ? { all: true } : {}),
        ...(o.tier ? { tier: o.tier } : {}),
        ...(o.ids ? { conversationIds: o.ids } : {}),
        ...(o.filter ? { filter: parseFilter(o.filter) } : {}),
        ...(o.regenerate ? { regenerate: true } : {}),
        ...(o.limitUsd !== undefined ? { spendingLimitUsd: o.limitUsd } : {}),
        ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
        ...(o.email ? { notifyEmail: true } : {}),
      });
      if (!body.success) {
        const issue = body.error.issues[0];
        throw new AppError({ code: 'invalid_arguments', message: `${String(issue.path[0] ?? 'selector')}: ${issue.message}.`, hint: 'Give exactly one of --all, --tier, --ids or --filter.' });
      }
      const api = apiClient();
      const { spendingLimitUsd: _l, concurrency: _c, notifyEmail: _e, retryPolicy: _r, resumeOnStart: _s, ...selector } = body.data;
      const estimate = await api.post<RunEstimate>('/api/runs/estimate', selector);
      console.log(`${estimate.count} conversations · about $${estimate.estimatedCostUsd.toFixed(2)} · about ${Math.ceil(estimate.estimatedSeconds / 60)} min · ${estimate.provider} ${estimate.model}`);
      for (const warning of estimate.warnings) console.log(`! ${warning}`);
      if (o.estimate) return;
      const { runId, total } = await api.post<CreateRunResponse>('/api/runs', body.data);
      console.log(`Run ${runId} started with ${total} conversations.`);
      if (!o.wait) return;
      const final = await follow(api, runId);
      console.log(`Run ${final.status}: ${final.succeeded} succeeded, ${final.failed} failed, $${final.spentUsd.toFixed(2)} spent.${final.error ? ` ${final.error}` : ''}`);
      if (final.failed > 0 || final.status !== 'completed') process.exitCode = 1;
    });
}
