/**
 * What a model returns when asked for scenarios from a chunk: deterministic for a passage, in the
 * shape the app's scenario schema accepts; and answers it must reject, for fault injection.
 */

/** The tool (Anthropic) and the response-format name (OpenAI) the app asks for scenarios with. */
export const SCENARIO_TOOL = 'record_scenarios';
export const SCENARIO_FORMAT = 'scenarios';

function passageOf(prompt: string): string {
  return /<passage>\s*([\s\S]*?)\s*<\/passage>/.exec(prompt)?.[1] ?? prompt;
}

/** The first key listed after "Personas:" etc. in the prompt, as a model choosing from the list would. */
function firstListed(prompt: string, label: string): string | null {
  return new RegExp(`${label}: ([a-z0-9_]+) \\(`).exec(prompt)?.[1] ?? null;
}

export function fakeScenarios(prompt: string) {
  const passage = passageOf(prompt).replace(/\s+/g, ' ');
  const wanted = Number(/Draw (\d+) different/.exec(prompt)?.[1] ?? 1);
  const first = passage.split(/(?<=[.!?])\s/)[0]?.slice(0, 300) || 'A passage.';
  const words = [...new Set(passage.toLowerCase().match(/[a-z][a-z-]{5,}/g) ?? [])];
  return {
    scenarios: Array.from({ length: wanted }, (_, n) => ({
      title: `Client asks about ${words[n] ?? 'planning'} ${words[n + 3] ?? 'choices'}`.slice(0, 120),
      description: `A client wants help with ${words[n] ?? 'a decision'}.`,
      category: 'financial',
      problem: `The client is unsure: ${first}`,
      solution: 'Walk through the options the passage describes and agree a first step.',
      outcome: 'The client leaves with a clear plan.',
      persona: firstListed(prompt, 'Personas'),
      emotion: firstListed(prompt, 'Emotions'),
      topic: 'not_in_the_catalog',
    })),
  };
}

/** Plausible slips: a category outside the list, and a scenario without its outcome. */
export function malformedScenarios(count: number): Record<string, unknown> {
  const valid = fakeScenarios('malformed').scenarios[0];
  const { outcome: _outcome, ...withoutOutcome } = valid;
  return count % 2 === 0 ? { scenarios: [{ ...valid, category: 'lifestyle' }] } : { scenarios: [withoutOutcome] };
}
