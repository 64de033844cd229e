import { useMemo } from 'react';
import { diffTemplateVersions, type DiffSide } from '../../../core/template-diff';
import { cn } from '../../lib/cn';

function Side({ side, tone }: { side: DiffSide | null; tone: 'left' | 'right' }) {
  if (!side) return <td className="bg-surface-muted/60" colSpan={2} />;
  return (
    <>
      <td className="w-10 px-2 text-right align-top text-[11px] text-muted tabular-nums select-none">{side.number}</td>
      <td className="px-2 align-top break-words whitespace-pre-wrap">
        {side.segments
          ? side.segments.map((s, i) => (
              <span key={i} className={cn(s.changed && (tone === 'left' ? 'rounded-sm bg-danger/25 line-through decoration-danger/60' : 'rounded-sm bg-success/25'))}>
                {s.text}
              </span>
            ))
          : side.text || ' '}
      </td>
    </>
  );
}

/** Two versions side by side: removed lines red on the left, added green on the right, changed words marked. */
export function VersionDiff({ before, after, beforeLabel, afterLabel }: { before: string; after: string; beforeLabel: string; afterLabel: string }) {
  const diff = useMemo(() => diffTemplateVersions(before, after), [before, after]);
  return (
    <div>
      <p className="mb-2 text-xs text-muted" data-testid="diff-summary">
        {diff.added + diff.removed + diff.changed === 0
          ? 'The two versions have the same text.'
          : `${diff.changed} line${diff.changed === 1 ? '' : 's'} changed, ${diff.added} added, ${diff.removed} removed.`}
      </p>
      <div className="overflow-x-auto rounded-md border border-border">
        <table className="w-full table-fixed font-mono text-xs leading-5" aria-label={`Differences between ${beforeLabel} and ${afterLabel}`} data-testid="version-diff">
          <colgroup>
            <col className="w-10" />
            <col />
            <col className="w-10" />
            <col />
          </colgroup>
          <thead className="border-b border-border bg-surface-muted font-sans text-xs text-muted">
            <tr>
              <th colSpan={2} className="px-2 py-1.5 text-left font-semibold">
                {beforeLabel}
              </th>
              <th colSpan={2} className="border-l border-border px-2 py-1.5 text-left font-semibold">
                {afterLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.map((row, i) => (
              <tr key={i} data-kind={row.kind} className={cn(row.kind === 'removed' && 'bg-danger-soft/70', row.kind === 'added' && 'bg-success-soft/70', row.kind === 'changed' && 'bg-warning-soft/40')}>
                <Side side={row.left} tone="left" />
                <Side side={row.right} tone="right" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
