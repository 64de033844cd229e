import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { exportRequest } from '../contract/exports';
import { FORMAT_IDS } from '../core/export/record';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';
import { parseFilter } from './generate-command';

interface ExportCliOptions {
  format: string;
  filter?: string;
  out?: string;
  all?: boolean;
  systemPrompt?: string;
  foldSystemPrompt?: boolean;
  includeMetadata?: boolean;
  excludeNearDuplicates?: boolean;
  split?: string;
  card?: boolean;
}

/**
 * `convgen export --format F [--filter …] [--out file]`: streams an export from a running convgen
 * to a file (named as the server names it, unless --out says otherwise) or to stdout (`--out -`).
 */
export function exportCommand(): Command {
  return new Command('export')
    .description('Export conversations in a training format (approved ones by default)')
    .addOption(new Option('--format <format>', 'the training format').choices([...FORMAT_IDS]).makeOptionMandatory())
    .option('--filter <query>', 'only conversations matching the table filter, e.g. "persona=anxious_investor&tier=template"')
    .option('--all', 'include conversations that are generated or rejected, not only approved')
    .option('--system-prompt <text>', 'system prompt written into each example')
    .option('--fold-system-prompt', 'write the system prompt at the start of the first user message instead of as a system message (Gemma and Gemma 2 chat templates refuse a system role)')
    .option('--include-metadata', "each conversation's metadata: a \"metadata\" key on sharegpt and hf lines; for openai and anthropic a <file>-metadata.jsonl sidecar (the result is a zip)")
    .option('--exclude-near-duplicates', 'leave out conversations marked as a near-duplicate of an earlier one')
    .option('--split <fraction>', 'also write a validation file with this share (0–0.5), seeded and stratified by tier; the result is a zip')
    .option('--card', 'add a dataset card (README.md); the result is a zip')
    .option('--out <file>', 'where to write the file ("-" for standard output); default: the server\'s descriptive file name')
    .action(async (options: ExportCliOptions) => {
      const split = options.split === undefined ? undefined : Number(options.split);
      const parsed = exportRequest.safeParse({
        format: options.format,
        ...(options.filter ? { selection: { filter: parseFilter(options.filter) } } : {}),
        approvedOnly: !options.all,
        options: {
          ...(options.systemPrompt ? { systemPrompt: options.systemPrompt } : {}),
          ...(options.foldSystemPrompt ? { foldSystemPrompt: true } : {}),
          ...(options.includeMetadata ? { includeMetadata: true } : {}),
          ...(options.excludeNearDuplicates ? { excludeNearDuplicates: true } : {}),
        },
        ...(split !== undefined ? { split: { validationFraction: split } } : {}),
        datasetCard: Boolean(options.card),
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError({ code: 'invalid_argument', message: `The export's "${issue.path.join('.')}" ${issue.message}.`, hint: 'See `convgen export --help`.' });
      }
      const api = apiClient();
      const response = await api.stream('/api/exports', parsed.data);
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `export.${options.format === 'json' ? 'json' : 'jsonl'}`;
      const target = options.out === '-' ? process.stdout : fs.createWriteStream(path.resolve(options.out ?? fileName));
      await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), target);
      if (options.out !== '-') console.error(`Wrote ${response.headers.get('x-convgen-export-count') ?? 'the'} conversations to ${options.out ?? fileName}.`);
    });
}
