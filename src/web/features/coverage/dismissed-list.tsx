import type { CoverageReport } from '../../../contract/coverage';
import { Button } from '../../components/ui/button';
import { formatDate } from '../../lib/format';

/** Dismissed recommendations, folded away, each with Restore (and Restore all). */
export function DismissedList({ dismissed, canRestore, onRestore, onRestoreAll }: { dismissed: CoverageReport['dismissed']; canRestore: boolean; onRestore: (key: string) => void; onRestoreAll: () => void }) {
  if (!dismissed.length) return null;
  return (
    <details className="mt-3 text-sm" data-testid="dismissed-recommendations">
      <summary className="cursor-pointer text-muted">Dismissed ({dismissed.length})</summary>
      <ul className="mt-2 space-y-1">
        {dismissed.map((d) => (
          <li key={d.key} className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate">{d.label}</span>
            <span className="text-xs text-muted">{formatDate(d.dismissedAt)}</span>
            {canRestore && (
              <Button size="sm" onClick={() => onRestore(d.key)}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ul>
      {canRestore && dismissed.length > 1 && (
        <Button size="sm" className="mt-2" onClick={onRestoreAll}>
          Restore all
        </Button>
      )}
    </details>
  );
}
