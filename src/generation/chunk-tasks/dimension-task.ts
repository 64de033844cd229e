import { z } from 'zod';
import { CHUNK_DIMENSIONS_RUN_KIND } from '../../contract/chunk-dimensions';
import { chunkDimensionsSchema, dimensionsPrompt, DIMENSIONS_SYSTEM_PROMPT, MAX_DIMENSION_OUTPUT_TOKENS, parseChunkDimensions, TYPICAL_DIMENSION_OUTPUT_TOKENS, type DerivedDimensions } from '../../core/chunk-dimensions';
import { deriveDimensionsOffline } from '../../core/offline/chunk-analysis';
import { loadChunkForAnalysis } from '../../db/queries/chunk-dimensions';
import { settleDimensions } from '../lifecycle/settle-dimensions';
import type { StructuredAnswer } from '../providers/types';
import type { ChunkTask, PreparedChunkCall } from './chunk-task';

/** The dimension tool (and JSON schema), generated from the zod schema that checks the answer. */
export const DIMENSIONS_ANSWER: StructuredAnswer = {
  tool: 'record_chunk_dimensions',
  format: 'chunk_dimensions',
  description: 'Record the dimensions of the passage.',
  schema: z.toJSONSchema(chunkDimensionsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
};

/** A chunk's dimensions: summary, key terms, levels, confidence. */
export const dimensionTask: ChunkTask = {
  kind: CHUNK_DIMENSIONS_RUN_KIND,
  async prepare(db, item): Promise<PreparedChunkCall<DerivedDimensions>> {
    const chunk = await loadChunkForAnalysis(db, item.chunkId);
    return {
      system: DIMENSIONS_SYSTEM_PROMPT,
      prompt: dimensionsPrompt(chunk),
      answer: DIMENSIONS_ANSWER,
      offlineAnswer: () => deriveDimensionsOffline(chunk),
      maxOutputTokens: MAX_DIMENSION_OUTPUT_TOKENS,
      typicalOutputTokens: TYPICAL_DIMENSION_OUTPUT_TOKENS,
      parse: parseChunkDimensions,
      expected: 'a valid set of chunk dimensions',
      settle: (tx, claimed, answer) => settleDimensions(tx, claimed, { ...answer, dimensions: answer.value }),
    };
  },
};
