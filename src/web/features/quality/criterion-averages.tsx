import type { QualityDistribution } from '../../../contract/quality';
import { cn } from '../../lib/cn';

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** Per criterion, the average score of approved and of rejected conversations: a criterion that separates them is one reviewers agree with. */
export function CriterionAverages({ criteria }: { criteria: QualityDistribution['criteria'] }) {
  if (!criteria.length) {
    return <p className="self-center text-sm text-muted">Per-criterion averages appear once reviewers have approved or rejected conversations.</p>;
  }
  return (
    <div className="min-w-0">
      <table className="w-full text-sm" aria-label="Average criterion score by decision">
        <thead>
          <tr className="text-left text-xs text-muted">
            <th className="py-1 font-medium">Criterion</th>
            <th className="py-1 text-right font-medium">Approved</th>
            <th className="py-1 text-right font-medium">Rejected</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => {
            // Rejected clearly lower: the criterion tells the two apart.
            const separates = c.approvedAverage !== null && c.rejectedAverage !== null && c.approvedAverage - c.rejectedAverage >= 1.5;
            return (
              <tr key={c.key} className="border-t border-border">
                <td className={cn('py-1', separates && 'font-medium')}>{c.label}</td>
                <td className="py-1 text-right tabular-nums">{fmt(c.approvedAverage)}</td>
                <td className={cn('py-1 text-right tabular-nums', separates && 'text-danger')}>{fmt(c.rejectedAverage)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-muted">Red: rejected conversations score clearly lower on this criterion.</p>
    </div>
  );
}
