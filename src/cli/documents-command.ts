import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import type { DocumentDetail, DocumentsExport, ImportResponse, UploadResponse } from '../contract/documents';
import { AppError } from '../core/errors';
import { apiClient, type ApiClient } from './api-client';

const bar = (fraction: number, width = 20) => `[${'█'.repeat(Math.round(fraction * width))}${'░'.repeat(width - Math.round(fraction * width))}]`;

/** Uploads one file and follows its processing until it is ready; throws its error otherwise. */
async function addOne(api: ApiClient, file: string, options: { category?: string; replace?: string }, log: (line: string) => void): Promise<UploadResponse> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new AppError({ code: 'file_not_found', message: `Cannot read "${file}".`, hint: 'Check the path and that the file exists.' });
  }
  const form = new FormData();
  if (options.category) form.append('category', options.category);
  if (options.replace) form.append('replace', options.replace);
  form.append('file', new Blob([new Uint8Array(bytes)]), path.basename(file));
  const created = await api.upload<UploadResponse>('/api/documents', form);
  if (created.status === 'ready') return created;
  for (;;) {
    const doc = await api.get<DocumentDetail>(`/api/documents/${created.id}`);
    if (doc.status === 'ready') return { ...created, status: 'ready', chunkCount: doc.chunkCount };
    if (doc.status === 'failed') throw new AppError({ code: 'document_failed', message: `"${path.basename(file)}" could not be processed.`, hint: doc.errorMessage ?? '' });
    log(`  ${bar(doc.progress)} ${Math.round(doc.progress * 100)}% ${doc.progressMessage ?? ''}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** `convgen documents add|list|export|import`: source documents, through a running convgen's API. */
export function documentsCommand(): Command {
  const command = new Command('documents').description('Upload, list, export and import source documents');

  command
    .command('add')
    .description('Upload documents (PDF, DOCX, Markdown, HTML, text) and wait until each is parsed and chunked')
    .argument('<files...>', 'the files to upload')
    .option('--category <category>', 'the category to file them under (default: General)')
    .option('--replace <id>', "replace this document's content with the (single) file")
    .action(async (files: string[], options: { category?: string; replace?: string }) => {
      const api = apiClient();
      let failed = 0;
      for (const file of files) {
        try {
          const done = await addOne(api, file, options, (line) => process.stderr.write(`${line}\r`));
          console.log(`${done.replaced ? 'Replaced' : 'Added'} ${path.basename(file)} → "${done.title}" (${done.category}): ${done.chunkCount} chunk${done.chunkCount === 1 ? '' : 's'}. id ${done.id}`);
        } catch (error) {
          failed++;
          const e = error instanceof AppError ? error : null;
          console.error(`Error: ${path.basename(file)}: ${e?.message ?? String(error)}${e?.hint ? `\n  ${e.hint}` : ''}`);
          const existing = e?.details?.existingId;
          if (e?.code === 'duplicate_document' && typeof existing === 'string') console.error(`  To replace it: convgen documents add ${file} --replace ${existing}`);
        }
      }
      if (failed) throw new AppError({ code: 'upload_failed', message: `${failed} of ${files.length} file(s) were not added.`, hint: 'See the messages above.' });
    });

  command
    .command('list')
    .description('List documents with their status, category and chunk count')
    .option('--category <category>', 'only this category')
    .option('--json', 'print JSON')
    .action(async (options: { category?: string; json?: boolean }) => {
      const { items } = await apiClient().get<{ items: DocumentDetail[] }>(`/api/documents${options.category ? `?category=${encodeURIComponent(options.category)}` : ''}`);
      if (options.json) return console.log(JSON.stringify(items, null, 2));
      if (!items.length) return console.log('No documents yet. Add some with: convgen documents add FILE… --category "General"');
      for (const d of items) console.log(`${d.id}  ${d.status.padEnd(10)} ${String(d.chunkCount).padStart(5)} chunks  ${d.category.padEnd(24)} ${d.title}`);
    });

  command
    .command('export')
    .description('Write every document with its chunks and dimensions to a JSON file')
    .option('--out <file>', 'where to write it', 'convgen-documents.json')
    .action(async (options: { out: string }) => {
      const data = await apiClient().get<DocumentsExport>('/api/documents/export');
      fs.writeFileSync(options.out, JSON.stringify(data, null, 2));
      console.log(`Wrote ${data.documents.length} document(s) to ${options.out}.`);
    });

  command
    .command('import')
    .description('Import documents from an export, all or nothing (documents already present are skipped)')
    .argument('<file>', 'a file written by `convgen documents export`')
    .action(async (file: string) => {
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new AppError({ code: 'invalid_json', message: `"${file}" is not readable JSON (${(error as Error).message}).`, hint: 'Use a file written by `convgen documents export`.' });
      }
      const result = await apiClient().post<ImportResponse>('/api/documents/import', data);
      console.log(`Imported ${result.imported} document(s); skipped ${result.skipped.length} already present${result.skipped.length ? `: ${result.skipped.map((s) => s.title).join(', ')}` : ''}.`);
    });

  return command;
}
