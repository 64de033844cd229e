import type { ExportRequestInput } from '../../../contract/exports';

/** The selection's spread by tier, persona and emotion, with a warning when it is lopsided. */
export function BalanceSummary(_props: { request: ExportRequestInput }) {
  return null;
}
