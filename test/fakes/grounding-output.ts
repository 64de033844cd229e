/** What a model returns when asked to check a conversation's statements against its source: deterministic for a prompt. */

/** The tool (Anthropic) the app asks for grounding verdicts with. */
export const GROUNDING_TOOL = 'record_grounding';

const VERDICTS = ['supported', 'not_a_claim', 'unsupported', 'contradicted'] as const;

/** A verdict for every numbered statement in the prompt ("3. The fund …"), cycling through the four kinds. */
export function fakeGroundingVerdicts(prompt: string) {
  const numbered = prompt.split('\n').flatMap((line) => {
    const match = /^(\d+)\. /.exec(line);
    return match ? [Number(match[1])] : [];
  });
  return {
    statements: numbered.map((number, i) => ({ number, verdict: VERDICTS[i % VERDICTS.length], reason: `Verdict ${VERDICTS[i % VERDICTS.length]} for statement ${number}.` })),
  };
}
