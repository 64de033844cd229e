import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { AlertCircle, CheckCircle2, FileUp, Loader2, X } from 'lucide-react';
import type { UploadResponse } from '../../../contract/documents';
import { Button } from '../../components/ui/button';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { endpoints, queryKeys } from '../../lib/endpoints';

type Phase = 'uploading' | 'processing' | 'ready' | 'failed';

interface UploadItem {
  key: number;
  file: File;
  category: string;
  phase: Phase;
  /** 0–1 of the current phase. */
  progress: number;
  message: string;
  error?: { message: string; hint: string; duplicateOf?: { id: string; title: string } };
  documentId?: string;
}

/** Waits on a document until it leaves `processing`, reporting its progress. */
async function followProcessing(id: string, onProgress: (progress: number, message: string) => void) {
  for (;;) {
    const doc = await endpoints.documents.get(id);
    if (doc.status !== 'processing') return doc;
    onProgress(doc.progress, doc.progressMessage ?? 'Processing');
    await new Promise((r) => setTimeout(r, 700));
  }
}

/**
 * Uploads files one after another (the server parses one at a time anyway), each with its own
 * progress: the bytes sent, then the server's parsing progress until the document is ready.
 */
export function useUploadQueue() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const next = useRef(0);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const client = useQueryClient();

  const patch = useCallback((key: number, change: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i))), []);

  const run = useCallback(
    async (item: UploadItem, replace?: string) => {
      patch(item.key, { phase: 'uploading', progress: 0, message: 'Uploading', error: undefined });
      try {
        const created: UploadResponse = await endpoints.documents.upload(item.file, { category: item.category, replace }, (fraction) => patch(item.key, { progress: fraction, message: `Uploading ${Math.round(fraction * 100)}%` }));
        patch(item.key, { documentId: created.id });
        if (created.status === 'processing') {
          patch(item.key, { phase: 'processing', progress: 0, message: 'Processing' });
          await client.invalidateQueries({ queryKey: queryKeys.documents.all });
          const doc = await followProcessing(created.id, (progress, message) => patch(item.key, { progress, message }));
          if (doc.status === 'failed') {
            patch(item.key, { phase: 'failed', error: { message: doc.errorMessage ?? 'The file could not be processed.', hint: '' } });
            return;
          }
          patch(item.key, { phase: 'ready', progress: 1, message: `Ready: ${doc.chunkCount} chunk${doc.chunkCount === 1 ? '' : 's'}` });
        } else patch(item.key, { phase: 'ready', progress: 1, message: `${created.replaced ? 'Replaced' : 'Ready'}: ${created.chunkCount} chunk${created.chunkCount === 1 ? '' : 's'}` });
      } catch (error) {
        const e = error instanceof ApiError ? error : null;
        const details = e?.details as { existingId?: string; existingTitle?: string } | undefined;
        patch(item.key, {
          phase: 'failed',
          error: {
            message: e?.message ?? 'The upload failed.',
            hint: e?.code === 'duplicate_document' ? 'Replace that document with this file, or leave it as it is.' : (e?.hint ?? 'Try again.'),
            duplicateOf: e?.code === 'duplicate_document' && details?.existingId ? { id: details.existingId, title: details.existingTitle ?? '' } : undefined,
          },
        });
      } finally {
        await client.invalidateQueries({ queryKey: queryKeys.documents.all });
      }
    },
    [client, patch],
  );

  const add = useCallback(
    (files: File[], category: string) => {
      const added = files.map((file): UploadItem => ({ key: next.current++, file, category, phase: 'uploading', progress: 0, message: 'Waiting' }));
      setItems((all) => [...added, ...all]);
      for (const item of added) chain.current = chain.current.then(() => run(item));
    },
    [run],
  );

  const replace = useCallback(
    (item: UploadItem) => {
      if (!item.error?.duplicateOf) return;
      const target = item.error.duplicateOf.id;
      chain.current = chain.current.then(() => run(item, target));
    },
    [run],
  );

  const dismiss = useCallback((key: number) => setItems((all) => all.filter((i) => i.key !== key)), []);
  return { items, add, replace, dismiss };
}

export type UploadQueue = ReturnType<typeof useUploadQueue>;

export function UploadList({ queue, onOpen }: { queue: UploadQueue; onOpen: (documentId: string) => void }) {
  if (!queue.items.length) return null;
  return (
    <ul className="mt-3 space-y-2" aria-label="Uploads">
      {queue.items.map((item) => (
        <li key={item.key} className="rounded-md border border-border bg-surface px-3 py-2 text-sm" data-testid="upload-item">
          <div className="flex items-center gap-2">
            {item.phase === 'ready' ? <CheckCircle2 className="h-4 w-4 text-success" aria-hidden /> : item.phase === 'failed' ? <AlertCircle className="h-4 w-4 text-danger" aria-hidden /> : <Loader2 className="h-4 w-4 animate-spin text-primary" aria-hidden />}
            <span className="min-w-0 flex-1 truncate font-medium">{item.file.name}</span>
            <span className="text-xs text-muted">{item.category}</span>
            {item.phase === 'ready' && item.documentId && (
              <Button size="sm" variant="ghost" onClick={() => onOpen(item.documentId!)}>
                Open
              </Button>
            )}
            {(item.phase === 'ready' || item.phase === 'failed') && (
              <button type="button" className="rounded p-0.5 text-muted hover:text-text" aria-label={`Dismiss ${item.file.name}`} onClick={() => queue.dismiss(item.key)}>
                <X className="h-3.5 w-3.5" />
              </button>
            )}
          </div>
          {item.phase !== 'failed' && (
            <div className="mt-1.5 flex items-center gap-2">
              <div className="h-1.5 flex-1 overflow-hidden rounded-full bg-surface-muted" role="progressbar" aria-label={`${item.file.name} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(item.progress * 100)}>
                <div className={cn('h-full rounded-full transition-all', item.phase === 'ready' ? 'bg-success' : 'bg-primary')} style={{ width: `${Math.round(item.progress * 100)}%` }} />
              </div>
              <span className="w-44 truncate text-right text-xs text-muted" data-testid="upload-status">
                {item.message}
              </span>
            </div>
          )}
          {item.error && (
            <div className="mt-1.5 text-xs" role="alert">
              <p className="text-danger">{item.error.message}</p>
              {item.error.hint && <p className="text-muted">{item.error.hint}</p>}
              {item.error.duplicateOf && (
                <div className="mt-1.5 flex gap-2">
                  <Button size="sm" variant="primary" onClick={() => queue.replace(item)}>
                    Replace “{item.error.duplicateOf.title}”
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => onOpen(item.error!.duplicateOf!.id)}>
                    Open the existing one
                  </Button>
                </div>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

export const ACCEPTED = '.pdf,.docx,.md,.markdown,.html,.htm,.txt';

/** Drop files here or pick them; the category applies to this batch. */
export function DropZone({ categories, queue }: { categories: string[]; queue: UploadQueue }) {
  const [chosen, setChosen] = useState('');
  // The list arrives with the settings: until one is chosen, the default is "General" (or the first).
  const category = categories.includes(chosen) ? chosen : categories.includes('General') ? 'General' : (categories[0] ?? '');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const take = (files: FileList | null) => {
    if (files?.length) queue.add([...files], category);
  };
  return (
    <div
      className={cn('rounded-lg border-2 border-dashed px-5 py-4 transition-colors', over ? 'border-primary bg-primary-soft' : 'border-border bg-surface')}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
      data-testid="drop-zone"
    >
      <div className="flex flex-wrap items-center gap-3">
        <FileUp className="h-6 w-6 text-primary" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">Drop files here, or pick them</p>
          <p className="text-xs text-muted">PDF, Word (.docx), Markdown, HTML or plain text; several at once. Large files are processed in the background.</p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted">Category</span>
          <select className="h-9 rounded-md border border-border bg-surface px-2 text-sm" value={category} onChange={(e) => setChosen(e.target.value)} aria-label="Category for these uploads">
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <Button variant="primary" onClick={() => input.current?.click()}>
          Choose files…
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED}
          className="sr-only"
          aria-label="Choose files to upload"
          onChange={(e) => {
            take(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
    </div>
  );
}
