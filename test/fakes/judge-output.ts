/** What a model returns when asked to judge a conversation with the rubric: deterministic for a prompt. */

/** The tool (Anthropic) and the response-format name (OpenAI) the app asks for a judgement with. */
export const JUDGE_TOOL = 'record_judgement';

export function fakeJudgement(prompt: string) {
  const words = prompt.split(/\s+/).length;
  const base = 5 + (words % 5);
  const item = (score: number, comment: string) => ({ score, comment });
  return {
    helpfulness: item(base, 'Answers the question with concrete steps.'),
    empathy: item(Math.min(10, base + 1), 'Acknowledges how the user feels.'),
    onTopic: item(base, 'Stays with the topic.'),
    correctness: item(base, 'No factual errors spotted.'),
    naturalDialogue: item(Math.max(1, base - 1), 'Reads naturally.'),
    overall: base,
    rationale: 'A sound example with room for more specific numbers.',
  };
}

/** A judgement that is not a rubric (what a model sometimes answers): scores out of range and a criterion missing. */
export function malformedJudgement() {
  const { naturalDialogue: _missing, ...rest } = fakeJudgement('malformed');
  return { ...rest, overall: 14 };
}
