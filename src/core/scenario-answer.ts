import { z } from 'zod';
import { SCENARIO_CATEGORIES } from './scenario-categories';

const text = (max: number, what: string) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max.toLocaleString('en')} characters`).describe(what);
const catalogKey = (what: string) => z.string().trim().max(80, 'must be at most 80 characters').nullable().describe(what);

/** One scenario as a model proposes it from a passage. */
export const derivedScenarioSchema = z
  .object({
    title: z.string().trim().min(3, 'must be at least 3 characters').max(120, 'must be at most 120 characters').describe('A short, specific title naming the situation, e.g. "A grieving heir facing a sudden windfall".'),
    description: text(600, 'One or two sentences: who the user is and what they face.'),
    category: z.enum(SCENARIO_CATEGORIES).describe('The subject of the scenario.'),
    problem: text(2000, 'The problem context: the user’s situation, with the concrete facts (amounts, dates, constraints) the passage supports.'),
    solution: text(2000, 'The solution action the passage recommends, as the assistant would advise it.'),
    outcome: text(2000, 'The outcome once the user follows the advice.'),
    persona: catalogKey('The key of the best-fitting persona from the list given, or null.'),
    emotion: catalogKey('The key of the user’s starting emotion from the list given, or null.'),
    topic: catalogKey('The key of the best-fitting topic from the list given, or null.'),
  })
  .strict();
export type DerivedScenario = z.infer<typeof derivedScenarioSchema>;

/**
 * What drawing scenarios from one chunk yields. Providers are asked for exactly this shape (a forced
 * tool, or a JSON schema, both generated from it) and their answer is checked against it.
 */
export const scenarioAnswerSchema = z
  .object({ scenarios: z.array(derivedScenarioSchema).min(1, 'must hold at least one scenario').max(5, 'must hold at most 5 scenarios') })
  .strict();
export type ScenarioAnswer = z.infer<typeof scenarioAnswerSchema>;

export type ScenarioAnswerParse = { ok: true; value: ScenarioAnswer } | { ok: false; problem: string };

/** Validates a provider's answer, naming the first problem in words ("scenarios.0.category: …"). */
export function parseScenarioAnswer(value: unknown): ScenarioAnswerParse {
  const result = scenarioAnswerSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.') || 'output'}: ${issue.message}` };
}

/** The catalog values a model may suggest, with their labels so it can choose by meaning. */
export interface ScenarioCatalog {
  persona: { key: string; label: string }[];
  emotion: { key: string; label: string }[];
  topic: { key: string; label: string }[];
}

/** A suggested persona, emotion or topic the catalog does not hold is dropped, not refused: it is only a preference. */
export function keepKnownValues(scenario: DerivedScenario, catalog: ScenarioCatalog): DerivedScenario {
  const known = (d: keyof ScenarioCatalog, key: string | null) => (key && catalog[d].some((v) => v.key === key) ? key : null);
  return { ...scenario, persona: known('persona', scenario.persona), emotion: known('emotion', scenario.emotion), topic: known('topic', scenario.topic) };
}

export const SCENARIO_TOOL = 'record_scenarios';
export const SCENARIO_FORMAT = 'scenarios';

export const SCENARIO_SYSTEM_PROMPT =
  'You turn passages of expert training material into realistic customer scenarios for training a conversational assistant. Each scenario is a situation a real person brings to the assistant: a concrete problem, the action the material recommends, and the outcome. Use only advice the passage supports; keep the person’s details plausible and specific.';

const list = (values: { key: string; label: string }[]) => (values.length ? values.map((v) => `${v.key} (${v.label})`).join(', ') : 'none — answer null');

/** The prompt that asks a model for `count` scenarios drawn from one chunk. */
export function scenarioPrompt(chunk: { heading: string | null; content: string; documentTitle: string; category: string }, catalog: ScenarioCatalog, count: number): string {
  return [
    `Draw ${count === 1 ? 'one customer scenario' : `${count} different customer scenarios`} from this passage of the document "${chunk.documentTitle}" (category: ${chunk.category}).`,
    chunk.heading ? `Section: ${chunk.heading}` : '',
    '',
    '<passage>',
    chunk.content,
    '</passage>',
    '',
    `Categories: ${SCENARIO_CATEGORIES.join(', ')}.`,
    `Personas: ${list(catalog.persona)}.`,
    `Emotions: ${list(catalog.emotion)}.`,
    `Topics: ${list(catalog.topic)}.`,
    '',
    `Record ${count === 1 ? 'it' : 'them'} with the ${SCENARIO_TOOL} tool: title, description, category, problem, solution, outcome, and the keys of the persona, emotion and topic that fit best (or null).`,
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}

/** A typical answer per scenario, for estimates before any has been made. */
export const TYPICAL_SCENARIO_OUTPUT_TOKENS = 450;
/** The most one scenario may use: the worst case the budget reserves is this times the scenarios asked for. */
export const MAX_SCENARIO_OUTPUT_TOKENS = 1200;
