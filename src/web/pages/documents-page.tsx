import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { FileStack, Search } from 'lucide-react';
import { can } from '../../core/roles';
import { DOCUMENT_STATUSES } from '../../contract/documents';
import { EmptyState } from '../components/ui/empty-state';
import { Input } from '../components/ui/input';
import { Skeleton } from '../components/ui/skeleton';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';
import { CategoryEditor } from '../features/documents/category-editor';
import { DocumentPanel } from '../features/documents/document-panel';
import type { DocumentsSearch } from '../features/documents/documents-search';
import { DropZone, UploadList, useUploadQueue } from '../features/documents/upload-queue';
import { DeriveDimensionsButton } from '../features/documents/derive-dimensions-button';

const STATUS_LABELS = { processing: 'Processing', ready: 'Ready', failed: 'Failed' } as const;
const DEFAULT_CATEGORIES = ['General'];

/**
 * Source documents: upload, browse, search, edit and delete them, and follow each chunk to the
 * conversations made from it. `?document=<id>&chunk=<id>` opens a document at a chunk.
 */
export function DocumentsPage() {
  const search = useSearch({ from: '/app/documents' }) as DocumentsSearch;
  const navigate = useNavigate({ from: '/documents' });
  const setSearch = (change: Partial<DocumentsSearch>) => void navigate({ search: (prev: DocumentsSearch) => ({ ...prev, ...change }), replace: true });
  const { data: me } = useMe();
  const canWrite = Boolean(me && can(me.role, 'documents:write'));
  const settings = useQuery(queries.settings());
  const categories = settings.data?.documents.categories ?? DEFAULT_CATEGORIES;
  const filter = { q: search.q, category: search.category, status: search.status };
  const list = useQuery({ ...queries.documents(filter), refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'processing') ? 1500 : false) });
  const queue = useUploadQueue();
  const filtered = Boolean(search.q || search.category || search.status);
  const items = list.data?.items ?? [];

  return (
    <section className="h-full overflow-y-auto p-5">
      <header className="mb-4 flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h1 className="text-xl font-semibold">Documents</h1>
          <p className="text-sm text-muted">Your source material. Each document is split into chunks; conversations are grounded in a chunk, and every chunk links to the conversations made from it.</p>
        </div>
        <div className="flex items-center gap-2" data-slot="documents-header-actions">
          {canWrite && items.length > 0 && <DeriveDimensionsButton />}
          {me && can(me.role, 'settings:write') && <CategoryEditor categories={categories} />}
        </div>
      </header>

      {canWrite && (
        <div className="mb-5">
          <DropZone categories={categories} queue={queue} />
          <UploadList queue={queue} onOpen={(id) => setSearch({ document: id, chunk: undefined, q: undefined, category: undefined, status: undefined })} />
        </div>
      )}

      {(items.length > 0 || filtered) && (
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <div className="relative">
            <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-muted" aria-hidden />
            <Input className="w-72 pl-8" placeholder="Search titles, authors and text" aria-label="Search documents" value={search.q ?? ''} onChange={(e) => setSearch({ q: e.target.value || undefined })} />
          </div>
          <select className="h-9 rounded-md border border-border bg-surface px-2 text-sm" aria-label="Filter by category" value={search.category ?? ''} onChange={(e) => setSearch({ category: e.target.value || undefined })}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <select className="h-9 rounded-md border border-border bg-surface px-2 text-sm" aria-label="Filter by status" value={search.status ?? ''} onChange={(e) => setSearch({ status: (e.target.value || undefined) as DocumentsSearch['status'] })}>
            <option value="">Any status</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <span className="text-xs text-muted">
            {items.length} document{items.length === 1 ? '' : 's'}
          </span>
        </div>
      )}

      <div className="space-y-3">
        {list.isLoading && <Skeleton className="h-20 w-full" />}
        {list.data && !items.length && !filtered && (
          <EmptyState
            icon={FileStack}
            title="No documents yet"
            hint={
              canWrite
                ? 'Upload the material your conversations should draw on: playbooks, guides, case studies. convgen splits each one into chunks, and planned conversations are grounded in them. Drop files above or choose them.'
                : 'Documents are the material conversations draw on. Ask an admin or a generator to upload some.'
            }
            testId="documents-empty"
          />
        )}
        {list.data && !items.length && filtered && <p className="py-8 text-center text-sm text-muted">No document matches these filters. Clear the search or pick another category.</p>}
        {items.map((d) => (
          <DocumentPanel
            key={d.id}
            doc={d}
            open={search.document === d.id}
            onToggle={() => setSearch({ document: search.document === d.id ? undefined : d.id, chunk: undefined })}
            highlightChunk={search.document === d.id ? search.chunk : undefined}
            onSelectChunk={(chunk) => setSearch({ document: d.id, chunk })}
            canWrite={canWrite}
            categories={categories}
          />
        ))}
      </div>
    </section>
  );
}
