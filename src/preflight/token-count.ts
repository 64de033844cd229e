import { renderConversation, TemplateRefusal, type ChatMessage, type ChatTemplate } from './chat-render';

export type Encoder = { encode: (text: string, options?: { add_special_tokens?: boolean }) => ArrayLike<number> };

/** What one conversation costs a base model: all its tokens, the assistant's, or why it was refused. */
export type TokenCount = { tokens: number | null; assistantTokens: number | null; refusedReason: string | null };

/**
 * The turns as the trainer gets them: the export's system prompt first when there is one, or,
 * folded as the export folds it, at the start of the first user message with a blank line after.
 */
export function trainingMessages(turns: readonly { role: string; content: string }[], systemPrompt?: string, fold = false): ChatMessage[] {
  const messages: ChatMessage[] = turns.map((t) => ({ role: t.role === 'assistant' ? 'assistant' : t.role === 'system' ? 'system' : 'user', content: t.content }));
  const prompt = systemPrompt?.trim();
  if (!prompt) return messages;
  const firstUser = messages.findIndex((m) => m.role === 'user');
  if (fold && firstUser >= 0) messages[firstUser] = { role: 'user', content: `${prompt}\n\n${messages[firstUser].content}` };
  else messages.unshift({ role: 'system', content: prompt });
  return messages;
}

/**
 * Tokens of the rendered conversation, counted piece by piece (each piece once, so the cost is
 * one pass over the text). The pieces split at turn boundaries, where the special tokens and
 * newlines already split the text, so their sum equals the count of the whole render (the golden
 * tests check it). The template's own special tokens are in the text, so `add_special_tokens`
 * is off: a BOS is counted once, where the template puts it.
 */
export function countTokens(template: ChatTemplate, encoder: Encoder, turns: readonly { role: string; content: string }[], systemPrompt?: string, fold = false): TokenCount {
  let rendered;
  try {
    rendered = renderConversation(template, trainingMessages(turns, systemPrompt, fold));
  } catch (err) {
    if (err instanceof TemplateRefusal) return { tokens: null, assistantTokens: null, refusedReason: err.message };
    throw err;
  }
  let tokens = 0;
  let assistantTokens = 0;
  for (const piece of rendered.pieces) {
    const n = encoder.encode(piece.text, { add_special_tokens: false }).length;
    tokens += n;
    if (piece.assistant) assistantTokens += n;
  }
  return { tokens, assistantTokens, refusedReason: null };
}
