import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import type { PreflightResult } from '../../../contract/preflight';
import { cn } from '../../lib/cn';

const n = (x: number) => x.toLocaleString();
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/** What the figures mean for training, in a few lines: lengths, truncation, refusals, assistant share. */
export function PreflightFigures({ result, modelLabel }: { result: PreflightResult; modelLabel: string }) {
  const problems = result.overLimit + result.refusedCount;
  if (result.count === 0) return <p className="text-sm text-muted">No conversations with text in this selection: generate or approve some first.</p>;
  return (
    <div className="space-y-1 text-sm" data-testid="preflight-figures">
      <p>
        <span className="font-medium">{plural(result.count, 'conversation')}</span> through {modelLabel}'s chat template: median{' '}
        <span className="tabular-nums">{n(result.tokens.p50)}</span> tokens, 95 % under <span className="tabular-nums">{n(result.tokens.p95)}</span>, longest{' '}
        <span className="tabular-nums">{n(result.tokens.max)}</span>.
      </p>
      <p className={cn('flex items-start gap-1.5', problems ? 'text-warning' : 'text-success')} data-testid="preflight-verdict">
        {problems ? <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden /> : <CheckCircle2 className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />}
        <span>
          {problems === 0
            ? `Every one fits in ${n(result.maxSeqLen)} tokens and the template takes them all.`
            : [
                result.overLimit ? `${plural(result.overLimit, 'conversation')} longer than ${n(result.maxSeqLen)} tokens would be truncated` : '',
                result.refusedCount ? `${plural(result.refusedCount, 'conversation')} the chat template refuses` : '',
              ]
                .filter(Boolean)
                .join('; ') + '.'}
        </span>
      </p>
      <p className="text-muted" title="With an assistant-only loss, the trainer learns from these tokens; the rest (system, user turns, template markup) is context.">
        Assistant share: <span className="tabular-nums">{Math.round(result.assistantTokenShare * 100)} %</span> of the tokens are the assistant's replies, what the model learns from.
      </p>
    </div>
  );
}
