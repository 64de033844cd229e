import { useQuery } from '@tanstack/react-query';
import { AlertTriangle } from 'lucide-react';
import type { ExportBalanceView, ExportRequestInput } from '../../../contract/exports';
import { queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';

type Bucket = ExportBalanceView['byTier'][number];
const SHOWN = 6;

function Bars({ title, buckets, warned }: { title: string; buckets: Bucket[]; warned: boolean }) {
  const shown = buckets.slice(0, SHOWN);
  const rest = buckets.slice(SHOWN);
  return (
    <div className="min-w-0" data-testid={`balance-${title.toLowerCase()}`}>
      <h4 className={cn('mb-0.5 text-[11px] font-semibold tracking-wide uppercase', warned ? 'text-warning' : 'text-muted')}>
        {title} <span className="font-normal normal-case">({buckets.length})</span>
      </h4>
      <ul className="space-y-0.5">
        {shown.map((b) => (
          <li key={b.key} className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)_auto] items-center gap-1.5 text-[11px]" title={`${b.label}: ${b.count.toLocaleString()} (${Math.round(b.share * 100)} %)`}>
            <span className="truncate">{b.label}</span>
            <span className="h-1.5 rounded-full bg-surface-muted">
              <span className="block h-1.5 rounded-full bg-primary" style={{ width: `${Math.max(2, b.share * 100)}%` }} />
            </span>
            <span className="text-right text-muted tabular-nums">
              {b.count.toLocaleString()} · {Math.round(b.share * 100)} %
            </span>
          </li>
        ))}
      </ul>
      {rest.length > 0 && <p className="text-[11px] text-muted">and {rest.length} more with {rest.reduce((s, b) => s + b.count, 0).toLocaleString()} between them</p>}
    </div>
  );
}

/**
 * Balance at export: the selection's spread by tier, persona and emotion (every conversation in
 * it, not only the checked ones), with a plain-words warning and what to do when it is lopsided.
 * Reads the same preview the dialog shows, so it costs no extra request.
 */
export function BalanceSummary({ request }: { request: ExportRequestInput }) {
  const { data } = useQuery({ ...queries.exportPreview(request), retry: false });
  const balance = data?.balance;
  if (!balance || balance.total === 0) return null;
  const warnedAbout = new Set(balance.warnings.map((w) => w.dimension));
  return (
    <section className="space-y-2 rounded-md border border-border p-2" aria-label="Balance" data-testid="export-balance">
      <h3 className="text-xs font-semibold">Balance of these {balance.total.toLocaleString()} conversations</h3>
      {balance.warnings.length > 0 ? (
        <ul className="space-y-1" data-testid="balance-warnings">
          {balance.warnings.map((w) => (
            <li key={`${w.dimension}-${w.rule}-${w.message}`} className="flex items-start gap-1.5 rounded bg-warning-soft p-1.5 text-xs text-warning">
              <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
              <span>
                {w.message} <span className="font-medium">{w.hint}</span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-success">Evenly spread: no tier, persona or emotion is far from its share.</p>
      )}
      <Bars title="Tier" buckets={balance.byTier} warned={warnedAbout.has('tier')} />
      <details open={warnedAbout.has('persona') || warnedAbout.has('emotion')}>
        <summary className="cursor-pointer text-[11px] text-muted">Personas and emotions</summary>
        <div className="mt-1 space-y-2">
          <Bars title="Persona" buckets={balance.byPersona} warned={warnedAbout.has('persona')} />
          <Bars title="Emotion" buckets={balance.byEmotion} warned={warnedAbout.has('emotion')} />
        </div>
      </details>
    </section>
  );
}
