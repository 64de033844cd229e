import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ChevronRight, FileText } from 'lucide-react';
import { Skeleton } from '../components/ui/skeleton';
import { queries } from '../lib/endpoints';
import { cn } from '../lib/cn';
import { DeriveDimensionsButton } from '../features/documents/derive-dimensions-button';

function Chunks({ documentId }: { documentId: string }) {
  const { data, isLoading } = useQuery(queries.chunks(documentId));
  if (isLoading) return <Skeleton className="m-4 h-20" />;
  return (
    <ol className="divide-y divide-border border-t border-border">
      {data?.items.map((c) => (
        <li key={c.id} className="px-5 py-3">
          <p className="text-sm font-medium">
            {c.ordinal}. {c.heading}
          </p>
          <p className="mt-1 text-sm leading-relaxed text-muted">{c.content}</p>
          <p className="mt-2 flex flex-wrap gap-1.5 text-xs">
            {c.dimensions.expertise_level && <span className="rounded bg-surface-muted px-1.5 py-0.5">{c.dimensions.expertise_level}</span>}
            {c.dimensions.emotional_valence && <span className="rounded bg-surface-muted px-1.5 py-0.5">{c.dimensions.emotional_valence}</span>}
            {c.dimensions.confidence !== undefined && <span className="rounded bg-surface-muted px-1.5 py-0.5">confidence {c.dimensions.confidence}/10</span>}
            {c.dimensions.key_terms?.map((t) => (
              <span key={t} className="rounded bg-primary-soft px-1.5 py-0.5 text-primary">
                {t}
              </span>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Source documents and their chunks: what scenarios and prompts draw from. */
export function DocumentsPage() {
  const { data, isLoading } = useQuery(queries.documents());
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <section className="h-full overflow-y-auto p-5">
      <div className="float-right"><DeriveDimensionsButton /></div>
      <h1 className="text-xl font-semibold">Documents</h1>
      <p className="mb-4 text-sm text-muted">Your source material, split into chunks. Each chunk carries dimensions that enrich the prompts.</p>
      <div className="space-y-3">
        {isLoading && <Skeleton className="h-20 w-full" />}
        {data?.items.map((d) => (
          <article key={d.id} className="rounded-lg border border-border bg-surface shadow-sm">
            <button type="button" className="flex w-full items-start gap-3 px-5 py-4 text-left" onClick={() => setOpenId(openId === d.id ? null : d.id)} aria-expanded={openId === d.id}>
              <FileText className="mt-0.5 h-5 w-5 text-primary" aria-hidden />
              <div className="min-w-0 flex-1">
                <p className="font-medium">{d.title}</p>
                <p className="text-xs text-muted">
                  {d.category} · {d.chunkCount} chunks{d.author ? ` · ${d.author}` : ''}
                </p>
                <p className="mt-1 text-sm text-muted">{d.summary}</p>
              </div>
              <ChevronRight className={cn('h-4 w-4 text-muted transition-transform', openId === d.id && 'rotate-90')} aria-hidden />
            </button>
            {openId === d.id && <Chunks documentId={d.id} />}
          </article>
        ))}
      </div>
    </section>
  );
}
