import { ThumbsDown, ThumbsUp, type LucideIcon } from 'lucide-react';
import type { Performer } from '../../../contract/template-analytics';
import { cn } from '../../lib/cn';
import { formatQuality, formatRate, templateHref } from './figures';

function PerformerCard({ title, icon: Icon, items, tone, testId, minScored }: { title: string; icon: LucideIcon; items: Performer[]; tone: string; testId: string; minScored: number }) {
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-label={title} data-testid={testId}>
      <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold">
        <Icon className={cn('h-4 w-4', tone)} aria-hidden /> {title}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-muted">Needs templates with at least {minScored} scored conversations each.</p>
      ) : (
        <ol className="space-y-1.5">
          {items.map((p) => (
            <li key={p.templateId} className="flex items-baseline justify-between gap-3 text-sm">
              <a href={templateHref(p.templateId)} className="truncate font-medium hover:text-primary hover:underline">
                {p.name}
              </a>
              <span className="shrink-0 text-xs text-muted tabular-nums">
                quality <span className={cn('font-semibold', tone)}>{formatQuality(p.usage.averageQuality)}</span> · approval {formatRate(p.usage.approvalRate)} · {p.usage.generated.toLocaleString()} conv.
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The best and worst templates by average quality, among those with enough conversations. */
export function Performers({ top, bottom, minScored }: { top: Performer[]; bottom: Performer[]; minScored: number }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <PerformerCard title="Top performers" icon={ThumbsUp} items={top} tone="text-success" testId="top-performers" minScored={minScored} />
      <PerformerCard title="Bottom performers" icon={ThumbsDown} items={bottom} tone="text-danger" testId="bottom-performers" minScored={minScored} />
    </div>
  );
}
