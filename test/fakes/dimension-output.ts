/**
 * What a model returns when asked for one chunk's dimensions: deterministic for a passage, so
 * tests can compare runs; and answers the dimension schema must reject, for fault injection.
 */

/** The tool (Anthropic) and the response-format name (OpenAI) the app asks for dimensions with. */
export const DIMENSION_TOOL = 'record_chunk_dimensions';
export const DIMENSION_FORMAT = 'chunk_dimensions';

function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
const VALENCES = ['negative', 'neutral', 'positive'] as const;
const AUDIENCES = ['general', 'practitioner', 'expert'] as const;

/** The passage between the prompt's <passage> tags (the whole prompt when there are none). */
function passageOf(prompt: string): string {
  return /<passage>\s*([\s\S]*?)\s*<\/passage>/.exec(prompt)?.[1] ?? prompt;
}

export function fakeDimensions(prompt: string) {
  const passage = passageOf(prompt);
  const hash = hashText(passage);
  const words = [...new Set(passage.toLowerCase().match(/[a-z][a-z-]{5,}/g) ?? [])].slice(0, 5);
  const firstSentence = passage.replace(/\s+/g, ' ').split(/(?<=[.!?])\s/)[0]?.slice(0, 200) || 'A passage.';
  return {
    summary: `Explains: ${firstSentence}`,
    key_terms: words.length ? words : ['passage'],
    expertise_level: LEVELS[hash % 3],
    emotional_valence: VALENCES[(hash >>> 3) % 3],
    audience_level: AUDIENCES[hash % 3],
    confidence: 6 + ((hash >>> 5) % 4),
  };
}

/** Plausible slips: a level outside the allowed values, and key terms as one string. */
export function malformedDimensions(count: number): Record<string, unknown> {
  const valid = fakeDimensions('malformed');
  return count % 2 === 0 ? { ...valid, expertise_level: 'expert-ish' } : { ...valid, key_terms: 'alpha, beta' };
}
