import { useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { ApiError } from '../../lib/api';
import { queryKeys } from '../../lib/endpoints';

/** After any template change: the list, the open template, its versions and tests, and conversation details showing it. */
export function useRefreshTemplates() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: queryKeys.templates.all });
    void client.invalidateQueries({ queryKey: queryKeys.conversation.all });
  };
}

/** A failed action as a toast with what to do next. */
export const toastError = (title: string) => (err: Error) => toast.error(title, { description: err instanceof ApiError && err.hint ? `${err.message} ${err.hint}` : err.message });

export const formatQuality = (q: number | null | undefined) => (q === null || q === undefined ? '—' : q.toFixed(1));
export const formatRate = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 100)} %`);
