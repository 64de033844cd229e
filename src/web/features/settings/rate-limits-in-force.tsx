import { useQuery } from '@tanstack/react-query';
import type { RateLimitsView } from '../../../contract/settings';
import { describeLimits } from '../../../core/describe-limits';
import type { LimitField, LimitSource } from '../../../core/rate-limit-policy';
import { queries } from '../../lib/endpoints';
import { timeAgo } from '../../lib/format';

export const LIMIT_LABELS: Record<LimitField, string> = {
  requestsPerMinute: 'Requests/min',
  inputTokensPerMinute: 'Input tokens/min',
  outputTokensPerMinute: 'Output tokens/min',
  tokensPerMinute: 'Tokens/min (input + output)',
};

const count = (n: number) => n.toLocaleString('en-US');

const PROVIDER_NAMES: Record<string, string> = { anthropic: 'Claude (Anthropic)', openai: 'the OpenAI-compatible server' };
const providerName = (provider: string) => PROVIDER_NAMES[provider] ?? provider;

/** Where a value comes from, in words; an admin's value also says what the provider allows. */
function sourceText(source: LimitSource, announced: number | null): string {
  const allows = announced !== null ? `; the provider allows ${count(announced)}` : '';
  switch (source) {
    case 'provider':
      return 'announced by the provider';
    case 'override':
      return `your limit${allows}`;
    case 'preset':
      return `from the preset${allows}`;
    case 'custom':
      return `custom limit${allows}`;
    case 'fallback':
      return "assumed until the provider's first answer";
    case 'none':
      return 'no limit';
  }
}

function announcedValue(view: RateLimitsView, field: LimitField): number | null {
  return view.announced?.[field] ?? null;
}

/**
 * What the current provider's calls are paced by, field by field, and where each value comes
 * from: what the provider announced on its answers (with when), or an admin's choice.
 */
export function RateLimitsInForce() {
  const { data: view, isError } = useQuery(queries.rateLimits());
  if (isError) return <p className="text-xs text-danger">The limits in force could not be loaded. Reload the page to try again.</p>;
  if (!view) return null;
  if (view.provider === 'offline') {
    return (
      <p className="rounded-md border border-border bg-surface-muted px-3 py-2 text-xs text-muted" data-testid="rate-limits-in-force">
        The offline generator makes no API calls, so no rate limits apply.
      </p>
    );
  }
  const shown = view.fields.filter((f) => f.value !== null || announcedValue(view, f.field) !== null);
  return (
    <div className="space-y-1.5 rounded-md border border-border bg-surface-muted px-3 py-2 text-xs" data-testid="rate-limits-in-force">
      <p className="font-medium text-text">
        In force for {providerName(view.provider)} · <span className="font-mono">{view.model}</span>
      </p>
      {shown.length === 0 ? (
        <p className="text-muted">No limit: only {view.maxConcurrency} at a time.</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
          {shown.map((f) => (
            <div key={f.field} className="contents" data-field={f.field} data-source={f.source}>
              <dt className="text-muted">{LIMIT_LABELS[f.field]}</dt>
              <dd className="text-text">
                <span className="font-medium tabular-nums">{f.value === null ? 'no limit' : count(f.value)}</span>{' '}
                <span className="text-muted">({sourceText(f.source, announcedValue(view, f.field))})</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="text-muted">
        {view.announced
          ? `The provider announced its limits ${timeAgo(view.announced.observedAt)}. Up to ${view.maxConcurrency} conversations at a time.`
          : `Nothing announced yet for this key and model: a run starts with one request at a time and learns the limits from the first answer, then goes up to ${view.maxConcurrency} at a time.`}
      </p>
      {view.others.length > 0 && (
        <ul className="text-muted" aria-label="Limits other providers and models announced">
          {view.others.map((o) => (
            <li key={`${o.provider}:${o.model}`}>
              {providerName(o.provider)} · <span className="font-mono">{o.model}</span>: {describeLimits(o) ?? 'no limits'} ({timeAgo(o.observedAt)})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
