import { useQuery } from '@tanstack/react-query';
import { Tooltip } from '../../components/ui/tooltip';
import { queries } from '../../lib/endpoints';

/** The workspace's preflight model and limit, for the Tokens column and filter. */
export function usePreflightSetting() {
  const settings = useQuery({ ...queries.settings(), staleTime: 60_000 });
  const models = useQuery({ ...queries.preflightModels(), staleTime: 300_000 });
  const preflight = settings.data?.preflight;
  const label = models.data?.items.find((m) => m.id === preflight?.baseModel)?.label ?? preflight?.baseModel ?? '';
  return preflight ? { ...preflight, label } : null;
}

export function TokensHeader() {
  const setting = usePreflightSetting();
  return (
    <Tooltip content={setting ? `Tokens through ${setting.label}'s chat template (Settings → Trainer preflight). "—": not counted yet — run the trainer preflight from the Exports page.` : undefined}>
      <span>Tokens</span>
    </Tooltip>
  );
}

/** The stored count; over the workspace's limit in the warning colour; "—" when not counted since the turns last changed. */
export function TokensCell({ tokens }: { tokens: number | null | undefined }) {
  const setting = usePreflightSetting();
  if (tokens === null || tokens === undefined) return <span className="text-muted">—</span>;
  const over = setting !== null && tokens > setting.maxSeqLen;
  return (
    <span className={over ? 'font-medium text-warning tabular-nums' : 'tabular-nums'} title={over ? `Longer than the limit of ${setting.maxSeqLen.toLocaleString()} tokens: a trainer would truncate it` : undefined}>
      {tokens.toLocaleString()}
    </span>
  );
}
