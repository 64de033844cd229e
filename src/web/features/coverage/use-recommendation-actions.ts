import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { PlanRecommendedRequest, PlanRecommendedResult } from '../../../contract/coverage';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';

const errorText = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

/** Dismiss, restore and plan: each refreshes the dashboard, and planning the table too. */
export function useRecommendationActions(onPlanned: (plan: PlanRecommendedResult) => void) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.coverage.all });
  const dismiss = useMutation({ mutationFn: (key: string) => endpoints.coverage.dismiss(key), onSuccess: refresh, onError: (e) => toast.error('Could not dismiss it', { description: errorText(e) }) });
  const restore = useMutation({ mutationFn: (key: string) => endpoints.coverage.restore(key), onSuccess: refresh, onError: (e) => toast.error('Could not restore it', { description: errorText(e) }) });
  const dismissAll = useMutation({
    mutationFn: () => endpoints.coverage.dismissAll(),
    onSuccess: (r) => {
      toast.success(`${r.dismissed} recommendation${r.dismissed === 1 ? '' : 's'} dismissed`, { description: 'Restore them under “Dismissed” below the list.' });
      return refresh();
    },
    onError: (e) => toast.error('Could not dismiss them', { description: errorText(e) }),
  });
  const restoreAll = useMutation({ mutationFn: () => endpoints.coverage.restoreAll(), onSuccess: refresh, onError: (e) => toast.error('Could not restore them', { description: errorText(e) }) });
  const plan = useMutation({
    mutationFn: (body: Partial<PlanRecommendedRequest>) => endpoints.coverage.plan(body),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      if (result.conversationIds.length === 0) toast.info('Nothing to generate', { description: result.warnings.join(' ') || 'These combinations already have enough conversations.' });
      else onPlanned(result);
    },
    onError: (e) => toast.error('Could not plan the recommended conversations', { description: errorText(e) }),
  });
  return { dismiss, restore, dismissAll, restoreAll, plan };
}
