import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../lib/endpoints';

export type PreflightParams = { baseModel: string; maxSeqLen: number };

/** The base model and limit a check starts from: the workspace's preflight settings (Settings → Trainer preflight). */
export function usePreflightParams(): [PreflightParams | null, (patch: Partial<PreflightParams>) => void] {
  const settings = useQuery(queries.settings());
  const defaults = settings.data?.preflight;
  const [params, setParams] = useState<PreflightParams | null>(null);
  useEffect(() => {
    if (defaults && !params) setParams({ baseModel: defaults.baseModel, maxSeqLen: defaults.maxSeqLen });
  }, [defaults, params]);
  return [params, (patch) => setParams((p) => (p ? { ...p, ...patch } : p))];
}
