import { useQuery } from '@tanstack/react-query';
import { queries } from '../../lib/endpoints';

/**
 * The first-run checklist. Its steps tick off as the workspace changes anywhere (another tab,
 * the CLI, a run finishing), so while it is incomplete it asks again on focus and every few
 * seconds; once complete it stops asking.
 */
export function useChecklist() {
  return useQuery({
    ...queries.checklist(),
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (query.state.data?.complete ? false : 10_000),
  });
}
