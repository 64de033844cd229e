import { Link } from '@tanstack/react-router';
import { AlertTriangle, Star } from 'lucide-react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CoverageChunkEntry, CoverageReport } from '../../../contract/coverage';
import { ChartCard } from './chart-card';

const AXIS = { fontSize: 12, fill: 'var(--text-muted)' };

/** US3.2.1: conversations per document category. */
export function CategoryChart({ report, scopeText }: { report: CoverageReport; scopeText: string }) {
  return (
    <ChartCard id="categories" title="By document category" description={`${scopeText}, by the category of the document they were drawn from.`} csv={{ header: ['category', 'conversations'], rows: report.byCategory.map((c) => [c.label, c.count]) }}>
      {report.byCategory.length === 0 ? (
        <p className="flex h-64 items-center justify-center text-sm text-muted">Nothing to count yet.</p>
      ) : (
        <div className="h-64" role="img" aria-label="Bar chart of conversations per document category">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={report.byCategory} margin={{ top: 4, right: 8, bottom: 4, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
              <XAxis dataKey="label" tick={AXIS} interval={0} />
              <YAxis allowDecimals={false} tick={AXIS} />
              <Tooltip contentStyle={{ fontSize: 12 }} />
              <Bar dataKey="count" name="Conversations" fill="#0891b2" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </ChartCard>
  );
}

function ChunkList({ title, items, testId }: { title: string; items: CoverageChunkEntry[]; testId: string }) {
  return (
    <div className="min-w-0">
      <h3 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-muted">None.</p>
      ) : (
        <ul className="space-y-0.5 text-sm" data-testid={testId}>
          {items.map((c) => (
            <li key={c.chunkId} className={`flex items-center gap-2 rounded px-1.5 py-0.5 ${c.priority ? 'bg-success-soft' : c.lowConfidence ? 'bg-warning-soft' : ''}`}>
              {c.priority && <Star className="h-3.5 w-3.5 shrink-0 text-success" aria-label="Priority chunk" />}
              {c.lowConfidence && <AlertTriangle className="h-3.5 w-3.5 shrink-0 text-warning" aria-label="Low confidence" />}
              <Link to="/documents" search={{ document: c.documentId, chunk: c.chunkId }} className="min-w-0 flex-1 truncate hover:underline" title={c.label}>
                {c.label}
              </Link>
              <span className="shrink-0 text-xs text-muted tabular-nums">{c.confidence === null ? 'no confidence' : `conf. ${c.confidence}`}</span>
              <span className="w-8 shrink-0 text-right font-medium tabular-nums">{c.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const rowsOf = (list: string, items: CoverageChunkEntry[]) => items.map((c) => [list, c.documentTitle, c.category, c.ordinal, c.heading ?? '', c.confidence ?? '', c.expertise ?? '', c.priority ? 'yes' : 'no', c.count]);

/**
 * Coverage by chunk (US3.2.1) and its quality (US10.2.2): the share of conversations from
 * high-confidence chunks, the least and most used chunks, the priority chunks (advanced and
 * high-confidence) and a warning for conversations drawn from low-confidence ones.
 */
export function ChunkCoverage({ report }: { report: CoverageReport }) {
  const b = report.byChunk;
  const share = b.highConfidenceShare === null ? null : Math.round(b.highConfidenceShare * 100);
  return (
    <ChartCard
      id="chunks"
      title="By source chunk"
      description="Which chunks of your documents conversations are drawn from, and how sure the analysis of each chunk was (0–10). Starred: priority chunks (advanced material, confidence above 8)."
      csv={{ header: ['list', 'document', 'category', 'chunk', 'heading', 'confidence', 'expertise', 'priority', 'conversations'], rows: [...rowsOf('fewest', b.fewest), ...rowsOf('most', b.most), ...rowsOf('priority', b.priority), ...rowsOf('low confidence', b.lowConfidenceChunks)] }}
    >
      {b.chunks === 0 ? (
        <p className="text-sm text-muted">
          No documents yet. <Link to="/documents" className="text-primary hover:underline">Upload one on the Documents page</Link> so conversations can be drawn from your own material.
        </p>
      ) : (
        <div className="space-y-4">
          <div className="grid gap-2 sm:grid-cols-3">
            <div className="rounded-lg border border-border p-3">
              <div className="text-[11px] font-semibold tracking-wide text-muted uppercase">From high-confidence chunks</div>
              <div className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="high-confidence-share">
                {share === null ? '—' : `${share} %`}
              </div>
              <div className="text-xs text-muted">{share === null ? 'No conversation is drawn from a chunk yet.' : `${share} % of conversations from high-confidence chunks (above ${b.highConfidenceAbove})`}</div>
            </div>
            <div className="rounded-lg border border-border p-3">
              <div className="text-[11px] font-semibold tracking-wide text-muted uppercase">Chunks used</div>
              <div className="mt-0.5 text-lg font-semibold tabular-nums">
                {b.usedChunks.toLocaleString()} of {b.chunks.toLocaleString()}
              </div>
              <div className="text-xs text-muted">{b.grounded.toLocaleString()} conversations drawn from a chunk</div>
            </div>
            <div className="rounded-lg border border-border p-3">
              <div className="text-[11px] font-semibold tracking-wide text-muted uppercase">Priority chunks</div>
              <div className="mt-0.5 text-lg font-semibold tabular-nums">{b.priorityCount.toLocaleString()}</div>
              <div className="text-xs text-muted">advanced material with confidence above {b.highConfidenceAbove}</div>
            </div>
          </div>
          {b.warnings.map((w) => (
            <p key={w} role="alert" className="flex items-start gap-2 rounded-md bg-warning-soft p-2.5 text-sm text-warning">
              <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden /> {w}
            </p>
          ))}
          <div className="grid gap-4 lg:grid-cols-2">
            <ChunkList title="Fewest conversations" items={b.fewest} testId="chunks-fewest" />
            <ChunkList title="Most conversations" items={b.most} testId="chunks-most" />
            {b.priority.length > 0 && <ChunkList title="Priority chunks, least used first" items={b.priority} testId="chunks-priority" />}
            {b.lowConfidenceChunks.length > 0 && <ChunkList title={`Low confidence (below ${b.lowConfidenceBelow})`} items={b.lowConfidenceChunks} testId="chunks-low" />}
          </div>
        </div>
      )}
    </ChartCard>
  );
}
