import { z } from 'zod';
import { SCENARIO_DERIVATION_RUN_KIND } from '../../contract/scenarios';
import { deriveScenariosOffline } from '../../core/offline/scenario-derivation';
import {
  keepKnownValues,
  MAX_SCENARIO_OUTPUT_TOKENS,
  parseScenarioAnswer,
  SCENARIO_FORMAT,
  SCENARIO_SYSTEM_PROMPT,
  SCENARIO_TOOL,
  scenarioAnswerSchema,
  scenarioPrompt,
  TYPICAL_SCENARIO_OUTPUT_TOKENS,
  type ScenarioAnswer,
} from '../../core/scenario-answer';
import { loadChunkForAnalysis } from '../../db/queries/chunk-dimensions';
import { derivationSelectorOf, derivedScenarioKey, freeTitles, scenarioCatalog } from '../../db/queries/scenarios';
import { settleScenarios } from '../lifecycle/settle-scenarios';
import type { StructuredAnswer } from '../providers/types';
import type { ChunkTask, PreparedChunkCall } from './chunk-task';

/** The scenario tool (and JSON schema), generated from the zod schema that checks the answer. */
export const SCENARIOS_ANSWER: StructuredAnswer = {
  tool: SCENARIO_TOOL,
  format: SCENARIO_FORMAT,
  description: 'Record the customer scenarios drawn from the passage.',
  schema: z.toJSONSchema(scenarioAnswerSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
};

/** Scenarios drawn from a chunk (US8.2.1): problem, solution, outcome, and a suggested persona, emotion and topic. */
export const scenarioTask: ChunkTask = {
  kind: SCENARIO_DERIVATION_RUN_KIND,
  async prepare(db, item): Promise<PreparedChunkCall<ScenarioAnswer>> {
    const [chunk, catalog, selector] = await Promise.all([loadChunkForAnalysis(db, item.chunkId), scenarioCatalog(db), derivationSelectorOf(db, item.runId)]);
    const count = selector.perChunk ?? 1;
    const prompt = scenarioPrompt(chunk, catalog, count) + (selector.category ? `\nEvery scenario must be in the category ${selector.category}.` : '');
    return {
      system: SCENARIO_SYSTEM_PROMPT,
      prompt,
      answer: SCENARIOS_ANSWER,
      offlineAnswer: () => {
        const answer = deriveScenariosOffline(chunk, catalog, count);
        return selector.category ? { scenarios: answer.scenarios.map((s) => ({ ...s, category: selector.category! })) } : answer;
      },
      maxOutputTokens: MAX_SCENARIO_OUTPUT_TOKENS * count,
      typicalOutputTokens: TYPICAL_SCENARIO_OUTPUT_TOKENS * count,
      parse: parseScenarioAnswer,
      expected: 'a valid set of scenarios',
      async settle(tx, claimed, answer) {
        // Only as many as asked for; the model's extra ones would take the keys of a later, larger draw.
        const kept = answer.value.scenarios.slice(0, count).map((s) => keepKnownValues(s, catalog));
        const titles = await freeTitles(tx, kept.map((s) => s.title));
        const stored = kept.map((s, n) => ({ ...s, title: titles[n], key: derivedScenarioKey(claimed.chunkId, n) }));
        return settleScenarios(tx, claimed, { ...answer, value: stored });
      },
    };
  },
};
