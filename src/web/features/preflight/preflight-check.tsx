import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ExportRequestInput } from '../../../contract/exports';
import type { PreflightRequestInput } from '../../../contract/preflight';
import { Button } from '../../components/ui/button';
import { ApiError } from '../../lib/api';
import { queries } from '../../lib/endpoints';
import { PreflightFigures } from './preflight-figures';
import { PreflightParamsForm } from './preflight-params-form';
import { PreflightProgressBar } from './preflight-progress';
import { usePreflightCheck } from './use-preflight-check';
import { usePreflightParams } from './use-preflight-params';

/**
 * Trainer preflight before writing the file: the export's conversations (and its system prompt)
 * rendered through a base model's chat template and counted with its tokenizer, against the
 * trainer's maximum length. Started by hand: the first check of a large dataset loads the
 * tokenizer and counts every conversation; later ones reuse stored counts.
 */
export function PreflightCheck({ request }: { request: ExportRequestInput }) {
  const [params, setParams] = usePreflightParams();
  const [started, setStarted] = useState(false);
  const models = useQuery({ ...queries.preflightModels(), staleTime: 60_000 });
  const body: PreflightRequestInput | null = params && {
    ...params,
    ...(request.selection ? { selection: request.selection } : {}),
    approvedOnly: request.approvedOnly ?? true,
    ...(request.options?.systemPrompt ? { systemPrompt: request.options.systemPrompt, ...(request.options.foldSystemPrompt ? { foldSystemPrompt: true } : {}) } : {}),
  };
  const { check, progress } = usePreflightCheck(body, started, 30_000);
  const label = models.data?.items.find((m) => m.id === params?.baseModel)?.label ?? params?.baseModel ?? '';

  return (
    <section className="space-y-2 rounded-md border border-border p-2" aria-label="Trainer preflight" data-testid="preflight-check">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-semibold tracking-wide text-muted uppercase">Trainer preflight</p>
        <Link to="/preflight" className="text-xs text-primary hover:underline">
          Open the preflight view
        </Link>
      </div>
      <p className="text-xs text-muted">How long each conversation is for the base model you will fine-tune, counted with its own chat template and tokenizer.</p>
      {params && <PreflightParamsForm params={params} onChange={setParams} compact />}
      {!started && (
        <Button size="sm" onClick={() => setStarted(true)} disabled={!params}>
          Check token lengths
        </Button>
      )}
      {started && check.isFetching && <PreflightProgressBar progress={progress} modelLabel={label} compact />}
      {check.error && <p className="text-xs text-danger">{check.error instanceof ApiError ? `${check.error.message} ${check.error.hint}` : String(check.error)}</p>}
      {check.data && !check.isFetching && <PreflightFigures result={check.data} modelLabel={label} />}
    </section>
  );
}
