import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertCircle, ChevronRight, FileText, Loader2, Pencil, RefreshCw, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import type { DocumentDetail } from '../../../contract/documents';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input, Label } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { endpoints, queryKeys } from '../../lib/endpoints';
import { ChunkBrowser } from './chunk-browser';

const size = (bytes: number | null) => (bytes === null ? '' : bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const showError = (error: unknown) => toast.error(error instanceof ApiError ? error.message : 'That did not work.', { description: error instanceof ApiError ? error.hint : 'Try again.' });

function EditDialog({ doc, categories, open, onOpenChange }: { doc: DocumentDetail; categories: string[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const client = useQueryClient();
  const [title, setTitle] = useState(doc.title);
  const [author, setAuthor] = useState(doc.author ?? '');
  const [category, setCategory] = useState(doc.category);
  const save = useMutation({
    mutationFn: () => endpoints.documents.update(doc.id, { title, author: author || null, category }),
    onSuccess: () => {
      toast.success('Document saved');
      onOpenChange(false);
      return client.invalidateQueries({ queryKey: queryKeys.documents.all });
    },
    onError: showError,
  });
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Edit document"
      description="The title and category show in conversation previews and filters; the category also steers planning."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" loading={save.isPending} onClick={() => save.mutate()}>
            Save
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <div>
          <Label htmlFor="doc-title">Title</Label>
          <Input id="doc-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div>
          <Label htmlFor="doc-author">Author</Label>
          <Input id="doc-author" value={author} onChange={(e) => setAuthor(e.target.value)} placeholder="Optional" />
        </div>
        <div>
          <Label htmlFor="doc-category">Category</Label>
          <select id="doc-category" className="h-9 w-full rounded-md border border-border bg-surface px-2 text-sm" value={category} onChange={(e) => setCategory(e.target.value)}>
            {[...new Set([...categories, doc.category])].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
      </div>
    </Dialog>
  );
}

function DeleteDialog({ doc, open, onOpenChange, onDeleted }: { doc: DocumentDetail; open: boolean; onOpenChange: (open: boolean) => void; onDeleted: () => void }) {
  const client = useQueryClient();
  const impact = useQuery({ queryKey: [...queryKeys.documents.detail(doc.id), 'impact'], queryFn: () => endpoints.documents.impact(doc.id), enabled: open, staleTime: 0 });
  const remove = useMutation({
    mutationFn: () => endpoints.documents.remove(doc.id, true),
    onSuccess: (result) => {
      toast.success(`Deleted "${doc.title}"`, { description: result.keptWithSnapshot || result.removedSlots ? `${result.keptWithSnapshot} conversation(s) kept with a copy of their source; ${result.removedSlots} planned slot(s) removed.` : undefined });
      onOpenChange(false);
      onDeleted();
      return client.invalidateQueries({ queryKey: queryKeys.documents.all });
    },
    onError: showError,
  });
  const data = impact.data;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete “${doc.title}”?`}
      description="The document and its chunks are removed. This cannot be undone."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Keep it
          </Button>
          <Button variant="danger" loading={remove.isPending} disabled={!data || data.generating > 0} onClick={() => remove.mutate()}>
            Delete document
          </Button>
        </>
      }
    >
      {!data ? (
        <p className="text-muted">Checking which conversations were made from it…</p>
      ) : (
        <div className="space-y-2" data-testid="delete-impact">
          <p>{data.message}</p>
          {data.keptWithSnapshot > 0 && <p className="text-muted">The conversation preview keeps showing the chunk they were made from, and its document's title and category.</p>}
          {data.generating > 0 && <p className="text-danger">Wait for the run to finish (or cancel it) before deleting.</p>}
        </div>
      )}
    </Dialog>
  );
}

/** One document: its facts and actions; open, its chunk browser. */
export function DocumentPanel({ doc, open, onToggle, highlightChunk, onSelectChunk, canWrite, categories }: { doc: DocumentDetail; open: boolean; onToggle: () => void; highlightChunk?: string; onSelectChunk: (chunkId: string) => void; canWrite: boolean; categories: string[] }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const rechunk = useMutation({
    mutationFn: () => endpoints.documents.rechunk(doc.id),
    onSuccess: (r) => {
      toast.success(`Re-chunked into ${r.chunkCount} chunks`, { description: r.snapshotted || r.movedSlots ? `${r.snapshotted} conversation(s) keep a copy of their old chunk; ${r.movedSlots} planned slot(s) moved to the new chunks.` : 'With the current chunk size and overlap.' });
      return client.invalidateQueries({ queryKey: queryKeys.documents.all });
    },
    onError: showError,
  });
  const facts = [doc.category, plural(doc.chunkCount, 'chunk'), doc.pageCount ? plural(doc.pageCount, 'page') : '', size(doc.sizeBytes), doc.author ?? '', doc.conversationCount ? plural(doc.conversationCount, 'conversation') : ''].filter(Boolean);
  return (
    <article className={cn('rounded-lg border bg-surface shadow-sm', open ? 'border-primary/50' : 'border-border')} data-testid="document" data-document-id={doc.id}>
      <div className="flex items-start gap-3 px-5 py-4">
        <button type="button" className="flex min-w-0 flex-1 items-start gap-3 text-left" onClick={onToggle} aria-expanded={open}>
          <FileText className="mt-0.5 h-5 w-5 shrink-0 text-primary" aria-hidden />
          <span className="min-w-0 flex-1">
            <span className="block font-medium">{doc.title}</span>
            <span className="block text-xs text-muted">{facts.join(' · ')}</span>
            {doc.status === 'processing' && (
              <span className="mt-1.5 flex items-center gap-2 text-xs text-muted">
                <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden />
                {doc.progressMessage ?? 'Processing'} ({Math.round(doc.progress * 100)}%)
              </span>
            )}
            {doc.errorMessage && (
              <span className="mt-1.5 flex items-start gap-1.5 text-xs text-danger">
                <AlertCircle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
                {doc.errorMessage}
              </span>
            )}
          </span>
          <ChevronRight className={cn('mt-1 h-4 w-4 shrink-0 text-muted transition-transform', open && 'rotate-90')} aria-hidden />
        </button>
        {canWrite && (
          <div className="flex shrink-0 gap-1">
            <Button size="icon" variant="ghost" aria-label={`Edit ${doc.title}`} title="Edit title, author, category" onClick={() => setEditing(true)}>
              <Pencil className="h-4 w-4" />
            </Button>
            <Button size="icon" variant="ghost" aria-label={`Re-chunk ${doc.title}`} title="Re-chunk with the current chunk settings" disabled={doc.status !== 'ready'} loading={rechunk.isPending} onClick={() => rechunk.mutate()}>
              {!rechunk.isPending && <RefreshCw className="h-4 w-4" />}
            </Button>
            <Button size="icon" variant="ghost" aria-label={`Delete ${doc.title}`} title="Delete" onClick={() => setDeleting(true)}>
              <Trash2 className="h-4 w-4" />
            </Button>
          </div>
        )}
      </div>
      {open && doc.status === 'ready' && <ChunkBrowser documentId={doc.id} highlight={highlightChunk} onSelect={onSelectChunk} canEdit={canWrite} />}
      {editing && <EditDialog doc={doc} categories={categories} open={editing} onOpenChange={setEditing} />}
      <DeleteDialog doc={doc} open={deleting} onOpenChange={setDeleting} onDeleted={() => open && onToggle()} />
    </article>
  );
}
