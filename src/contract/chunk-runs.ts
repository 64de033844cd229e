import { CHUNK_DIMENSIONS_RUN_KIND } from './chunk-dimensions';
import { SCENARIO_DERIVATION_RUN_KIND } from './scenarios';

/** Run kinds whose items are chunks (analysed or drawn from), not conversations. */
export const CHUNK_RUN_KINDS = [CHUNK_DIMENSIONS_RUN_KIND, SCENARIO_DERIVATION_RUN_KIND] as const;

export const isChunkRunKind = (kind: string): boolean => (CHUNK_RUN_KINDS as readonly string[]).includes(kind);
