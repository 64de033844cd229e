import { useQuery } from '@tanstack/react-query';
import { queries } from '../../lib/endpoints';
import type { PreflightParams } from './use-preflight-params';

const fieldClass = 'h-8 rounded-md border border-border bg-surface px-2 text-sm';

/** The base model (those not installed are listed, but cannot be chosen) and the trainer's maximum sequence length. */
export function PreflightParamsForm({ params, onChange, compact }: { params: PreflightParams; onChange: (patch: Partial<PreflightParams>) => void; compact?: boolean }) {
  const models = useQuery({ ...queries.preflightModels(), staleTime: 60_000 });
  const chosen = models.data?.items.find((m) => m.id === params.baseModel);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-muted">Base model</span>
        <select value={params.baseModel} onChange={(e) => onChange({ baseModel: e.target.value })} className={fieldClass} aria-label="Base model">
          {(models.data?.items ?? [{ id: params.baseModel, label: params.baseModel, installed: true }]).map((m) => (
            <option key={m.id} value={m.id} disabled={!m.installed}>
              {m.label}
              {m.installed ? '' : ' (not installed)'}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs font-medium text-muted">Max sequence length</span>
        <input
          type="number"
          min={128}
          max={1_048_576}
          step={128}
          value={params.maxSeqLen}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 128 && n <= 1_048_576) onChange({ maxSeqLen: n });
          }}
          className={`${fieldClass} w-28`}
          aria-label="Max sequence length"
        />
      </label>
      {!compact && chosen && <p className="max-w-md pb-1 text-xs text-muted">{chosen.notes}</p>}
    </div>
  );
}
