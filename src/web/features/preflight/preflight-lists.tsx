import { Link } from '@tanstack/react-router';
import type { PreflightResult } from '../../../contract/preflight';

/** The conversations a trainer would truncate and those the template refuses, each a link to its preview. */
export function PreflightLists({ result }: { result: PreflightResult }) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-label="Over the limit" data-testid="preflight-over-limit">
        <h3 className="mb-1 text-sm font-semibold">Over the limit ({result.overLimit.toLocaleString()})</h3>
        {result.overLimitItems.length === 0 ? (
          <p className="text-sm text-muted">None: every conversation fits in {result.maxSeqLen.toLocaleString()} tokens.</p>
        ) : (
          <ul className="max-h-64 space-y-0.5 overflow-y-auto text-sm">
            {result.overLimitItems.map((i) => (
              <li key={i.id} className="flex justify-between gap-2">
                <Link to="/conversations" search={{ open: i.conversationId }} className="font-mono text-xs text-primary hover:underline">
                  {i.conversationId}
                </Link>
                <span className="tabular-nums text-muted">{i.tokens.toLocaleString()} tokens</span>
              </li>
            ))}
          </ul>
        )}
        {result.overLimit > result.overLimitItems.length && <p className="mt-1 text-xs text-muted">The longest {result.overLimitItems.length} are listed; filter the table by tokens to see all.</p>}
      </section>
      <section aria-label="Refused by the chat template" data-testid="preflight-refused">
        <h3 className="mb-1 text-sm font-semibold">Refused by the chat template ({result.refusedCount.toLocaleString()})</h3>
        {result.refused.length === 0 ? (
          <p className="text-sm text-muted">None: the template renders every conversation.</p>
        ) : (
          <ul className="max-h-64 space-y-1 overflow-y-auto text-sm">
            {result.refused.map((i) => (
              <li key={i.id}>
                <Link to="/conversations" search={{ open: i.conversationId }} className="font-mono text-xs text-primary hover:underline">
                  {i.conversationId}
                </Link>
                <span className="block text-xs text-muted">{i.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
