import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { CatalogImportResult, CatalogItemList } from '../contract/dimension-catalog';
import { AppError } from '../core/errors';
import { DIMENSIONS } from '../core/tiers';
import { apiClient } from './api-client';

/** `convgen catalog list [DIMENSION]` and `convgen catalog import FILE`, through the running server's API. */
export function catalogCommand(): Command {
  const catalog = new Command('catalog').description('List or import the dimension catalog (personas, emotions, topics, intents, tones)');
  catalog
    .command('list')
    .argument('[dimension]', DIMENSIONS.join(' | '))
    .description("list a dimension's values (all five without a dimension); inactive ones are marked")
    .action(async (dimension?: string) => {
      if (dimension && !(DIMENSIONS as readonly string[]).includes(dimension)) {
        throw new AppError({ code: 'invalid_argument', message: `Unknown dimension "${dimension}".`, hint: `Use one of: ${DIMENSIONS.join(', ')}.` });
      }
      const api = apiClient();
      for (const d of dimension ? [dimension] : DIMENSIONS) {
        const { items } = await api.get<CatalogItemList>(`/api/catalog/${d}`);
        console.log(`${d} (${items.length})`);
        if (!items.length) console.log('  (none yet: add some on the Catalog page or with `convgen catalog import FILE`)');
        for (const v of items) console.log(`  ${v.key.padEnd(28)} ${v.label.padEnd(30)} ${String(v.usageCount).padStart(6)} conversation(s)${v.active ? '' : '  [inactive]'}`);
      }
    });
  catalog
    .command('import')
    .argument('<file>', 'a .csv (columns dimension, key?, label, description?, guidance?, active?) or .json file')
    .description('add and update catalog values from a file, all or nothing')
    .action(async (file: string) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        throw new AppError({ code: 'file_not_found', message: `Cannot read ${file}.`, hint: 'Check the path and that the file is readable.' });
      }
      const json = path.extname(file).toLowerCase() === '.json';
      const result = await apiClient().postRaw<CatalogImportResult>('/api/catalog/import', text, json ? 'application/json' : 'text/csv');
      console.log(`Imported ${result.total} value(s) from ${path.basename(file)}:`);
      for (const d of DIMENSIONS) if (result.added[d] || result.updated[d]) console.log(`  ${d.padEnd(8)} ${result.added[d]} added, ${result.updated[d]} updated`);
    });
  return catalog;
}
