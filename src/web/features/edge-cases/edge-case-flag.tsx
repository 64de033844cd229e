import { AlertTriangle, ShieldCheck } from 'lucide-react';
import type { ConversationDetail } from '../../../contract/conversations';

/**
 * In the preview of an edge-case conversation: does it meet the tier's criteria (score at the
 * edge-case bar, a linked edge case, the assistant answering the last push), and if not, why.
 * Edge cases are approved one at a time, so this is what a reviewer reads before approving.
 */
export function EdgeCaseFlag({ detail }: { detail: Pick<ConversationDetail, 'edgeCaseCheck' | 'edgeCase'> }) {
  const check = detail.edgeCaseCheck;
  if (!check) return null;
  return (
    <div role="note" data-testid="edge-case-check" className={`rounded-lg border p-3 text-sm ${check.meets ? 'border-success/40 bg-success/5' : 'border-warning/50 bg-warning/10'}`}>
      <div className="flex items-center gap-2 font-medium">
        {check.meets ? <ShieldCheck className="h-4 w-4 text-success" aria-hidden /> : <AlertTriangle className="h-4 w-4 text-warning" aria-hidden />}
        {check.meets ? 'Meets the edge-case criteria' : 'Does not meet the edge-case criteria'}
      </div>
      {check.reasons.length > 0 && (
        <ul className="mt-1 list-disc pl-6 text-muted">
          {check.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs text-muted">
        Edge case{detail.edgeCase ? ` “${detail.edgeCase.title}”` : ''}: reviewed one at a time — approve it here, never in bulk.
      </p>
    </div>
  );
}
