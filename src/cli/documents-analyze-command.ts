import { Command } from 'commander';
import { dimensionRunBody, type DimensionEstimate, type DimensionRunResponse } from '../contract/chunk-dimensions';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';
import { follow } from './generate-command';

/**
 * `convgen documents analyze [--document ID] [--only-missing]`: derives chunk dimensions on the
 * running server as a durable run, with the estimate first and progress like `convgen generate`.
 */
export function documentsAnalyzeCommand(): Command {
  return new Command('analyze')
    .description("Derive chunk dimensions (summary, key terms, expertise, tone, audience, confidence) on the running server")
    .option('--document <ids...>', 'only these documents (ids from `convgen documents list`)')
    .option('--only-missing', 'only chunks that have no dimensions yet')
    .option('--overwrite-manual', 'also re-analyse chunks whose dimensions were edited by hand')
    .option('--limit-usd <dollars>', 'spending limit for this run', Number)
    .option('--estimate', 'only print the estimate')
    .option('--no-wait', 'start the run and return without following it')
    .action(async (o: { document?: string[]; onlyMissing?: boolean; overwriteManual?: boolean; limitUsd?: number; estimate?: boolean; wait: boolean }) => {
      const body = dimensionRunBody.safeParse({
        ...(o.document ? { documentIds: o.document } : {}),
        ...(o.onlyMissing ? { onlyMissing: true } : {}),
        ...(o.overwriteManual ? { overwriteManual: true } : {}),
        ...(o.limitUsd !== undefined ? { spendingLimitUsd: o.limitUsd } : {}),
      });
      if (!body.success) {
        const issue = body.error.issues[0];
        throw new AppError({ code: 'invalid_arguments', message: `${String(issue.path[0] ?? 'arguments')}: ${issue.message}.`, hint: 'Give document ids as `convgen documents list` prints them.' });
      }
      const api = apiClient();
      const estimate = await api.post<DimensionEstimate>('/api/documents/dimensions/estimate', body.data);
      console.log(`${estimate.count} chunks · about $${estimate.estimatedCostUsd.toFixed(2)} · about ${Math.ceil(estimate.estimatedSeconds / 60)} min · ${estimate.provider} ${estimate.model}`);
      for (const warning of estimate.warnings) console.log(`! ${warning}`);
      if (o.estimate) return;
      const { runId, total } = await api.post<DimensionRunResponse>('/api/documents/dimensions/runs', body.data);
      console.log(`Run ${runId} started with ${total} chunks.`);
      if (!o.wait) return;
      const final = await follow(api, runId);
      console.log(`Run ${final.status}: ${final.succeeded} analysed, ${final.failed} failed, $${final.spentUsd.toFixed(2)} spent.${final.error ? ` ${final.error}` : ''}`);
      if (final.failed > 0 || final.status !== 'completed') process.exitCode = 1;
    });
}
