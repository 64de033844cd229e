import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Search } from 'lucide-react';
import type { DocumentChunk } from '../../../contract/documents';
import { Input } from '../../components/ui/input';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { queries } from '../../lib/endpoints';
import { ChunkDimensionsEditor } from './chunk-dimensions-editor';

const DIMENSION_LABELS: Record<string, string> = { expertise_level: 'expertise', emotional_valence: 'valence', audience_level: 'audience' };

function Dimensions({ chunk }: { chunk: DocumentChunk }) {
  const d = chunk.dimensions;
  const tags = Object.entries(DIMENSION_LABELS).flatMap(([key, label]) => (typeof d[key] === 'string' ? [`${label}: ${d[key] as string}`] : []));
  if (typeof d.confidence === 'number') tags.push(`confidence ${d.confidence}/10`);
  if (!tags.length && !d.summary && !d.key_terms?.length) return <p className="mt-2 text-xs text-muted">No dimensions yet. Derive them to enrich the prompts made from this chunk.</p>;
  return (
    <div className="mt-2 space-y-1 text-xs">
      {d.summary && <p className="text-muted">Summary: {d.summary}</p>}
      <p className="flex flex-wrap gap-1.5">
        {tags.map((t) => (
          <span key={t} className="rounded bg-surface-muted px-1.5 py-0.5">
            {t}
          </span>
        ))}
        {d.key_terms?.map((t) => (
          <span key={t} className="rounded bg-primary-soft px-1.5 py-0.5 text-primary">
            {t}
          </span>
        ))}
        {chunk.dimensionsSource && <span className="text-muted">({chunk.dimensionsSource})</span>}
      </p>
    </div>
  );
}

/** A document's chunks with search; each shows its dimensions and the conversations made from it. */
export function ChunkBrowser({ documentId, highlight, onSelect, canEdit = false }: { documentId: string; highlight?: string; onSelect: (chunkId: string) => void; canEdit?: boolean }) {
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const { data, isLoading } = useQuery(queries.chunks(documentId, q || undefined));
  const highlighted = useRef<HTMLLIElement>(null);
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: 'center' });
  }, [data, highlight]);
  return (
    <div className="border-t border-border">
      <div className="flex items-center gap-2 px-5 py-3">
        <Search className="h-4 w-4 text-muted" aria-hidden />
        <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search in this document's chunks" aria-label="Search in chunks" className="max-w-sm" />
        {data && <span className="text-xs text-muted">{data.items.length} chunk{data.items.length === 1 ? '' : 's'}{q ? ' match' : ''}</span>}
      </div>
      {isLoading && <Skeleton className="mx-5 mb-4 h-20" />}
      {data && !data.items.length && <p className="px-5 pb-4 text-sm text-muted">{q ? 'No chunk contains that text.' : 'This document has no chunks yet.'}</p>}
      <ol className="divide-y divide-border" aria-label="Chunks">
        {data?.items.map((c) => (
          <li
            key={c.id}
            ref={c.id === highlight ? highlighted : undefined}
            className={cn('px-5 py-3', c.id === highlight && 'bg-selected ring-2 ring-primary ring-inset')}
            data-testid="chunk"
            data-chunk-id={c.id}
            aria-current={c.id === highlight || undefined}
          >
            <button type="button" className="text-left text-sm font-medium hover:underline" onClick={() => onSelect(c.id)} title="Link to this chunk">
              Chunk {c.ordinal}
              {c.heading ? ` · ${c.heading}` : ''}
            </button>
            <p className="mt-1 line-clamp-6 text-sm leading-relaxed whitespace-pre-line text-muted">{c.content}</p>
            {editing === c.id ? (
              <ChunkDimensionsEditor chunk={c} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} />
            ) : (
              <>
                <Dimensions chunk={c} />
                {canEdit && (
                  <button type="button" className="mt-1 text-xs text-primary hover:underline" onClick={() => setEditing(c.id)}>
                    Edit dimensions
                  </button>
                )}
              </>
            )}
            <div className="mt-2 text-xs">
              {c.conversationCount === 0 ? (
                <span className="text-muted">No conversations made from this chunk yet.</span>
              ) : (
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="text-muted">
                    {c.conversationCount} conversation{c.conversationCount === 1 ? '' : 's'}:
                  </span>
                  {c.conversations.map((v) => (
                    <Link key={v.id} to="/conversations" search={{ open: v.conversationId }} className="rounded border border-border px-1.5 py-0.5 font-mono hover:bg-surface-muted" title={`${v.title || 'Untitled'} (${v.status.replace('_', ' ')})`}>
                      {v.conversationId}
                    </Link>
                  ))}
                  {c.conversationCount > c.conversations.length && <span className="text-muted">and {c.conversationCount - c.conversations.length} more</span>}
                </span>
              )}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
