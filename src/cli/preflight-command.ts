import { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import type { PreflightModels, PreflightProgressResponse, PreflightResult } from '../contract/preflight';
import type { SettingsResponse } from '../contract/settings';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';
import { parseFilter } from './generate-command';

const n = (x: number) => x.toLocaleString('en');

/** The distribution as text bars, the bins over the limit marked. */
function histogramLines(result: PreflightResult): string[] {
  const top = Math.max(1, ...result.histogram.map((b) => b.count));
  const first = result.histogram.findIndex((b) => b.count > 0);
  const last = result.histogram.findLastIndex((b) => b.count > 0);
  return result.histogram
    .slice(Math.max(0, first), last + 1)
    .map((b) => `${`${n(b.from)}–${n(b.to)}`.padStart(15)} ${b.overLimit ? '!' : ' '} ${'█'.repeat(Math.ceil((b.count / top) * 40))} ${b.count || ''}`);
}

type Api = ReturnType<typeof apiClient>;

/**
 * Follows a running check on stderr (stdout keeps the result, for pipes and --json): on a
 * terminal one line redrawn in place; otherwise a line when the tokenizer loads and per
 * 5,000 conversations, so a log shows that a long first check is moving.
 */
function followProgress(api: Api, checkId: string): () => void {
  const tty = process.stderr.isTTY;
  let lastLogged: number | null = null;
  let lastLine = '';
  let stopped = false;
  const show = (line: string, milestone: number) => {
    if (tty) process.stderr.write(`\r\x1b[K${line}`);
    else if (milestone !== lastLogged && line !== lastLine) process.stderr.write(`${line}\n`);
    lastLogged = milestone;
    lastLine = line;
  };
  const poll = async () => {
    while (!stopped) {
      const { progress } = await api.get<PreflightProgressResponse>(`/api/preflight/progress?checkId=${checkId}`).catch(() => ({ progress: null }));
      if (stopped) break;
      if (progress?.phase === 'loading') show(progress.message, -1);
      else if (progress?.phase === 'counting') {
        const ratio = progress.total ? progress.done / progress.total : 1;
        const filled = Math.round(ratio * 24);
        show(`[${'█'.repeat(filled)}${'░'.repeat(24 - filled)}] ${progress.message}`, tty ? progress.done : Math.floor(progress.done / 5_000));
      }
      // Unreferenced: when the check answers, the command ends without waiting for the next poll.
      await new Promise((resolve) => setTimeout(resolve, tty ? 300 : 500).unref());
    }
  };
  void poll();
  return () => {
    stopped = true;
    if (tty && lastLine) process.stderr.write('\r\x1b[K');
  };
}

/**
 * `convgen preflight --model llama-3.1 --max-seq-len 4096`: the approved conversations (or a
 * filter) rendered through the base model's chat template and counted with its tokenizer, by the
 * running server. Model and limit default to the workspace's settings.
 */
export function preflightCommand(): Command {
  return new Command('preflight')
    .description("Check conversations against a base model's chat template and tokenizer: token lengths, truncation, refusals, assistant share")
    .option('--model <id>', 'base model: llama-3.1, qwen-3 or gemma-3 (default: the workspace setting)')
    .option('--max-seq-len <tokens>', "the trainer's maximum sequence length (default: the workspace setting)")
    .option('--filter <query>', 'only conversations matching the table filter, e.g. "tier=template&persona=anxious_investor"')
    .option('--any-status', 'also generated and rejected conversations, not only approved ones')
    .option('--system-prompt <text>', "the export's system prompt, rendered into every conversation")
    .option('--models', 'list the base models and whether each is installed')
    .option('--json', 'print the API answer as JSON')
    .action(async (opts: { model?: string; maxSeqLen?: string; filter?: string; anyStatus?: boolean; systemPrompt?: string; models?: boolean; json?: boolean }) => {
      const api = apiClient();
      if (opts.models) {
        const { items } = await api.get<PreflightModels>('/api/preflight/models');
        if (opts.json) return void console.log(JSON.stringify(items, null, 2));
        for (const m of items) console.log(`${m.id.padEnd(10)} ${m.label.padEnd(32)} ${m.installed ? 'installed' : `not installed: ${m.installCommand}`}`);
        return;
      }
      const maxSeqLen = opts.maxSeqLen === undefined ? undefined : Number(opts.maxSeqLen);
      if (maxSeqLen !== undefined && !Number.isInteger(maxSeqLen)) {
        throw new AppError({ code: 'invalid_option', message: `--max-seq-len must be a whole number of tokens, not '${opts.maxSeqLen}'.`, hint: 'For example --max-seq-len 4096.' });
      }
      const defaults = opts.model && maxSeqLen ? null : (await api.get<SettingsResponse>('/api/settings')).preflight;
      const body = {
        baseModel: opts.model ?? defaults!.baseModel,
        maxSeqLen: maxSeqLen ?? defaults!.maxSeqLen,
        ...(opts.filter ? { selection: { filter: parseFilter(opts.filter) } } : {}),
        approvedOnly: !opts.anyStatus,
        ...(opts.systemPrompt ? { systemPrompt: opts.systemPrompt } : {}),
        checkId: randomBytes(9).toString('base64url'),
      };
      const stopFollowing = followProgress(api, body.checkId);
      const r = await api.post<PreflightResult>('/api/preflight', body).finally(stopFollowing);
      if (opts.json) return void console.log(JSON.stringify(r, null, 2));
      if (r.count === 0) {
        console.log(`No ${opts.anyStatus ? '' : 'approved '}conversations with text to check${opts.filter ? ' in that filter' : ''}.`);
        return;
      }
      console.log(`${n(r.count)} conversations through ${r.baseModel}'s chat template (limit ${n(r.maxSeqLen)} tokens${r.loadMs ? `; tokenizer loaded in ${(r.loadMs / 1000).toFixed(1)} s` : ''}; ${n(r.countedNow)} counted now, the rest stored)`);
      console.log(`tokens: median ${n(r.tokens.p50)}, p95 ${n(r.tokens.p95)}, max ${n(r.tokens.max)}`);
      console.log(`assistant share: ${(r.assistantTokenShare * 100).toFixed(1)} % of tokens`);
      console.log(`over the limit (would be truncated): ${n(r.overLimit)}`);
      console.log(`refused by the chat template: ${n(r.refusedCount)}`);
      console.log('');
      for (const line of histogramLines(r)) console.log(line);
      for (const i of r.overLimitItems.slice(0, 20)) console.log(`over  ${i.conversationId}  ${n(i.tokens)} tokens`);
      for (const i of r.refused.slice(0, 20)) console.log(`refused  ${i.conversationId}  ${i.reason}`);
    });
}
