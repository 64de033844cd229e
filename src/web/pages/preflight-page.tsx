import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorBoundary } from '../components/error-boundary';
import { ApiError } from '../lib/api';
import { queries } from '../lib/endpoints';
import { PreflightFigures } from '../features/preflight/preflight-figures';
import { PreflightLists } from '../features/preflight/preflight-lists';
import { PreflightParamsForm } from '../features/preflight/preflight-params-form';
import { PreflightProgressBar } from '../features/preflight/preflight-progress';
import { usePreflightCheck } from '../features/preflight/use-preflight-check';
import { TokenHistogram } from '../features/preflight/token-histogram';
import { usePreflightParams } from '../features/preflight/use-preflight-params';

/** Trainer preflight of the approved conversations: the length distribution against a base model's limit, and what it would cut or refuse. */
export function PreflightPage() {
  const [params, setParams] = usePreflightParams();
  const models = useQuery({ ...queries.preflightModels(), staleTime: 60_000 });
  const { check, progress } = usePreflightCheck(params, true);
  const label = models.data?.items.find((m) => m.id === params?.baseModel)?.label ?? params?.baseModel ?? '';
  const missing = models.data?.items.filter((m) => !m.installed) ?? [];

  return (
    <section className="h-full overflow-y-auto p-5">
      <div className="mb-4">
        <p className="text-xs text-muted">
          <Link to="/exports" className="text-primary hover:underline">
            Exports
          </Link>{' '}
          / Trainer preflight
        </p>
        <h1 className="text-xl font-semibold">Trainer preflight</h1>
        <p className="max-w-3xl text-sm text-muted">
          The approved conversations as the base model you fine-tune will see them: rendered through its own chat template, counted with its tokenizer, against the trainer's maximum sequence length. Defaults come from Settings → Trainer preflight.
        </p>
      </div>
      <div className="space-y-5">
        {params && <PreflightParamsForm params={params} onChange={setParams} />}
        {missing.length > 0 && (
          <p className="text-xs text-muted">
            Not installed on this server: {missing.map((m) => `${m.label} (add with ${m.installCommand})`).join('; ')}.
          </p>
        )}
        {check.isFetching && <PreflightProgressBar progress={progress} modelLabel={label} />}
        {check.error && <p className="text-sm text-danger">{check.error instanceof ApiError ? `${check.error.message} ${check.error.hint}` : String(check.error)}</p>}
        {check.data && !check.isFetching && (
          <ErrorBoundary section="preflight" label="The preflight results">
            <div className="space-y-5">
              <PreflightFigures result={check.data} modelLabel={label} />
              {check.data.count > 0 && <TokenHistogram result={check.data} />}
              {check.data.count > 0 && <PreflightLists result={check.data} />}
            </div>
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}
