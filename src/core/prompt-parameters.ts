import { templateParameters } from './prompt';

/**
 * Every parameter a prompt template may use, with what it holds. Generation fills each of them
 * from the conversation's slot (src/generation/slot-context.ts is typed against this list), and
 * the template editor flags any other `{name}` as unknown.
 */
export const PROMPT_PARAMETERS = {
  persona: "The persona's label, such as Anxious Investor",
  persona_description: "The persona's description",
  emotion: "The starting emotion's label",
  topic: "The topic's label",
  intent: "The intent's label",
  tone: "The tone's label",
  persona_guidance: 'How the persona speaks (from the catalog)',
  emotion_guidance: 'How the emotion shows (from the catalog)',
  topic_guidance: 'What to cover for the topic (from the catalog)',
  intent_guidance: 'What the user wants (from the catalog)',
  tone_guidance: 'What the tone sounds like (from the catalog)',
  arc: "The emotional arc's label (template tier)",
  arc_stages: "The arc's stages, joined by arrows",
  chunk_content: 'The text of the source chunk',
  chunk_summary: "The source chunk's summary",
  key_terms: "The source chunk's key terms",
  audience_level: 'Who the source chunk is written for',
  expertise_level: "The source chunk's expertise level",
  emotional_valence: "The source chunk's emotional valence",
  scenario_title: "The scenario's title (scenario tier)",
  scenario_problem: "The scenario's problem",
  scenario_solution: "The scenario's solution",
  scenario_outcome: "The scenario's outcome",
  edge_case_title: "The edge case's title (edge-case tier)",
  edge_case_description: "The edge case's description",
  edge_case_category: "The edge case's category",
  edge_case_prompt: "The edge case's adversarial prompt",
  edge_case_expected: 'How the assistant is expected to behave',
} as const;

export type PromptParameterName = keyof typeof PROMPT_PARAMETERS;

export const PROMPT_PARAMETER_NAMES = Object.keys(PROMPT_PARAMETERS) as PromptParameterName[];

export function isPromptParameter(name: string): name is PromptParameterName {
  return Object.hasOwn(PROMPT_PARAMETERS, name);
}

/** The placeholders of a template body that no slot can fill, in order of first use. */
export function unknownPlaceholders(body: string): string[] {
  const { required, optional } = templateParameters(body);
  return [...new Set([...required, ...optional])].filter((name) => !isPromptParameter(name));
}
