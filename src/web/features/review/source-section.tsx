import { Link } from '@tanstack/react-router';
import { ExternalLink, FileText } from 'lucide-react';
import type { ConversationDetail } from '../../../contract/conversations';
import { AUDIENCE_LABELS, EXPERTISE_LABELS, VALENCE_LABELS, type AudienceLevel, type EmotionalValence, type ExpertiseLevel } from '../../../core/chunk-dimensions';

/** The Documents page opened on a document with one chunk in view; the Documents page reads these search keys. */
export function documentLink(documentId: string, chunkId?: string) {
  return { to: '/documents' as const, search: chunkId ? { document: documentId, chunk: chunkId } : { document: documentId } };
}

const labelOf = <K extends string>(labels: Record<K, string>, value: unknown) => (typeof value === 'string' ? (labels[value as K] ?? value) : null);

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div>
      <dt className="text-[11px] font-semibold tracking-wide text-muted uppercase">{label}</dt>
      <dd className="text-text">{value}</dd>
    </div>
  );
}

/**
 * Where a conversation came from (US10.1.1, US10.2.1): the document and its category as a link
 * to it on the Documents page (one click), the chunk, and what the chunk's analysis found.
 */
export function SourceSection({ source }: { source: ConversationDetail['source'] }) {
  const { chunk, document } = source;
  if (!chunk && !document) return null;
  const dims = chunk?.dimensions ?? {};
  const terms = Array.isArray(dims.key_terms) ? (dims.key_terms as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  const confidence = typeof dims.confidence === 'number' ? `${dims.confidence} / 10` : null;
  const summary = typeof dims.summary === 'string' ? dims.summary : null;
  const analysed = Boolean(summary || terms.length || confidence || dims.expertise_level);
  return (
    <section className="space-y-2 rounded-lg border border-border p-3 text-sm" aria-label="Source material" data-testid="preview-source">
      <h3 className="flex items-center gap-2 font-medium text-text">
        <FileText className="h-4 w-4 text-muted" aria-hidden />
        Source
      </h3>
      {document && (
        <Link {...documentLink(document.id, chunk?.id)} className="inline-flex flex-wrap items-center gap-1.5 text-primary hover:underline" data-testid="source-document-link">
          {document.title}
          <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-muted">{document.category}</span>
          <ExternalLink className="h-3.5 w-3.5" aria-hidden />
        </Link>
      )}
      {chunk && (
        <>
          <p className="font-medium text-text">
            Chunk {chunk.ordinal}
            {chunk.heading ? `: ${chunk.heading}` : ''}
          </p>
          {analysed ? (
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2" aria-label="Chunk dimensions">
              <Fact label="Expertise" value={labelOf(EXPERTISE_LABELS as Record<ExpertiseLevel, string>, dims.expertise_level)} />
              <Fact label="Sentiment" value={labelOf(VALENCE_LABELS as Record<EmotionalValence, string>, dims.emotional_valence)} />
              <Fact label="Audience" value={labelOf(AUDIENCE_LABELS as Record<AudienceLevel, string>, dims.audience_level)} />
              <Fact label="Confidence" value={confidence} />
              {summary && (
                <div className="col-span-2">
                  <dt className="text-[11px] font-semibold tracking-wide text-muted uppercase">Summary</dt>
                  <dd className="text-text">{summary}</dd>
                </div>
              )}
              {terms.length > 0 && (
                <div className="col-span-2">
                  <dt className="text-[11px] font-semibold tracking-wide text-muted uppercase">Key terms</dt>
                  <dd className="mt-1 flex flex-wrap gap-1">
                    {terms.map((t) => (
                      <span key={t} className="rounded-full bg-primary-soft px-2 py-0.5 text-xs text-primary">
                        {t}
                      </span>
                    ))}
                  </dd>
                </div>
              )}
            </dl>
          ) : (
            <p className="text-xs text-muted">This chunk has not been analysed yet. Use “Derive dimensions” on the Documents page to fill in its summary, key terms and levels.</p>
          )}
          <details>
            <summary className="cursor-pointer text-xs text-muted">Show the chunk’s text</summary>
            <p className="mt-2 leading-relaxed whitespace-pre-line text-muted">{chunk.content}</p>
          </details>
        </>
      )}
    </section>
  );
}
