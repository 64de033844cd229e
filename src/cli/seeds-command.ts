import fs from 'node:fs';
import { Command } from 'commander';
import type { SeedImportResult } from '../contract/seeds';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';

/**
 * `convgen seeds import FILE`: imports hand-written seed conversations through the running
 * server's API, all or nothing. The file is sent as it is, so a problem is reported with its
 * line and field in that file.
 */
export function seedsCommand(): Command {
  const seeds = new Command('seeds').description('Seed conversations: hand-written benchmarks (seeds import FILE)');
  seeds
    .command('import')
    .argument('<file>', 'a JSON file: a list of conversations, or { "conversations": [...] }')
    .description('import seed conversations from a JSON file, all or nothing')
    .action(async (file: string) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      } catch {
        throw new AppError({ code: 'file_not_readable', message: `${file} could not be read.`, hint: 'Check the path and that the file exists.' });
      }
      const result = await apiClient().postJsonText<SeedImportResult>('/api/seeds/import', text);
      console.log(`Imported ${result.imported} seed conversation${result.imported === 1 ? '' : 's'} from ${file}: ${result.conversationIds.join(', ')}`);
    });
  return seeds;
}
