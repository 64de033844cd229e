import { Link } from '@tanstack/react-router';
import { Archive, ArchiveRestore, Copy, FileText, Pencil, Star, Trash2 } from 'lucide-react';
import { SCENARIO_CATEGORY_LABELS, SCENARIO_ORIGIN_LABELS, type ScenarioCategory, type ScenarioItem, type ScenarioOrigin } from '../../../contract/scenarios';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';

export interface ScenarioActions {
  edit(s: ScenarioItem): void;
  duplicate(s: ScenarioItem): void;
  favorite(s: ScenarioItem): void;
  archive(s: ScenarioItem): void;
  remove(s: ScenarioItem): void;
}

/** One scenario in the library: what it is, where it comes from, how much it is used, and what can be done with it. */
export function ScenarioCard({ scenario: s, open, onToggle, actions, canWrite, label }: { scenario: ScenarioItem; open: boolean; onToggle: () => void; actions: ScenarioActions; canWrite: boolean; label: (d: 'persona' | 'emotion' | 'topic', key: string) => string }) {
  return (
    <li className={cn('rounded-lg border border-border bg-surface p-3', open && 'ring-2 ring-primary')} data-testid="scenario-card" data-scenario-id={s.id}>
      <div className="flex items-start gap-2">
        <button
          type="button"
          className={cn('mt-0.5 shrink-0 rounded p-0.5', s.favorite ? 'text-warning' : 'text-muted hover:text-text')}
          aria-label={s.favorite ? `Remove ${s.title} from favourites` : `Mark ${s.title} as a favourite`}
          aria-pressed={s.favorite}
          disabled={!canWrite}
          onClick={() => actions.favorite(s)}
          data-testid="scenario-favorite"
        >
          <Star className="h-4 w-4" fill={s.favorite ? 'currentColor' : 'none'} aria-hidden />
        </button>
        <div className="min-w-0 flex-1">
          <button type="button" className="text-left font-medium hover:underline" onClick={onToggle} aria-expanded={open} data-testid="scenario-title">
            {s.title}
          </button>
          {s.description && <p className="text-sm text-muted">{s.description}</p>}
          <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs">
            <span className="rounded bg-primary-soft px-1.5 py-0.5 text-primary">{SCENARIO_CATEGORY_LABELS[s.category as ScenarioCategory] ?? s.category}</span>
            {s.tags.map((t) => (
              <span key={t} className="rounded bg-surface-muted px-1.5 py-0.5">
                #{t}
              </span>
            ))}
            <span className="text-muted">· {SCENARIO_ORIGIN_LABELS[s.origin as ScenarioOrigin] ?? s.origin}</span>
            {s.archived && <span className="rounded bg-warning-soft px-1.5 py-0.5 text-warning">Archived</span>}
          </div>
        </div>
        <div className="shrink-0 text-right text-xs text-muted" data-testid="scenario-usage">
          <div className="text-base font-semibold text-text tabular-nums">{s.usage.conversations}</div>
          conversation{s.usage.conversations === 1 ? '' : 's'}
          {s.usage.conversations > 0 && (
            <div>
              {s.usage.generated} generated · {s.usage.approved} approved
            </div>
          )}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        {s.source ? (
          <Link to="/documents" search={{ document: s.source.documentId, ...(s.source.chunkId ? { chunk: s.source.chunkId } : {}) }} className="inline-flex min-w-0 items-center gap-1 text-primary hover:underline" data-testid="scenario-source">
            <FileText className="h-3.5 w-3.5 shrink-0" aria-hidden />
            <span className="truncate">
              {s.source.documentTitle}
              {s.source.chunkOrdinal !== null ? ` · chunk ${s.source.chunkOrdinal}` : ''}
              {s.source.chunkHeading ? ` · ${s.source.chunkHeading}` : ''}
            </span>
          </Link>
        ) : (
          <span className="text-muted">No source chunk</span>
        )}
        {canWrite && (
          <div className="ml-auto flex gap-1">
            <Button size="sm" variant="ghost" onClick={() => actions.edit(s)} aria-label={`Edit ${s.title}`}>
              <Pencil className="h-3.5 w-3.5" aria-hidden /> Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={() => actions.duplicate(s)} aria-label={`Duplicate ${s.title}`}>
              <Copy className="h-3.5 w-3.5" aria-hidden /> Duplicate
            </Button>
            <Button size="sm" variant="ghost" onClick={() => actions.archive(s)} aria-label={`${s.archived ? 'Unarchive' : 'Archive'} ${s.title}`}>
              {s.archived ? <ArchiveRestore className="h-3.5 w-3.5" aria-hidden /> : <Archive className="h-3.5 w-3.5" aria-hidden />} {s.archived ? 'Unarchive' : 'Archive'}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => actions.remove(s)} aria-label={`Delete ${s.title}`}>
              <Trash2 className="h-3.5 w-3.5" aria-hidden /> Delete
            </Button>
          </div>
        )}
      </div>
      {open && (
        <dl className="mt-3 grid gap-2 border-t border-border pt-3 text-sm md:grid-cols-3" data-testid="scenario-detail">
          <div>
            <dt className="text-xs font-semibold text-muted uppercase">Problem</dt>
            <dd className="whitespace-pre-wrap">{s.problem}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold text-muted uppercase">Solution</dt>
            <dd className="whitespace-pre-wrap">{s.solution}</dd>
          </div>
          <div>
            <dt className="text-xs font-semibold text-muted uppercase">Outcome</dt>
            <dd className="whitespace-pre-wrap">{s.outcome}</dd>
          </div>
          <div className="text-xs text-muted md:col-span-3">
            Persona: {s.persona ? label('persona', s.persona) : 'any'} · Emotion: {s.emotion ? label('emotion', s.emotion) : 'any'} · Topic: {s.topic ? label('topic', s.topic) : 'any'}
          </div>
        </dl>
      )}
    </li>
  );
}
