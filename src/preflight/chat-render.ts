import { Template } from '@huggingface/jinja';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** A rendered conversation cut into pieces; `assistant` pieces are what the loss trains on. */
export type RenderedConversation = { text: string; pieces: { text: string; assistant: boolean }[] };

/** A model's chat template, compiled once, with the special tokens it is rendered with. */
export type ChatTemplate = { template: Template; bosToken: string; eosToken: string };

/** `bos_token` is a string in some configs and `{ content }` in others. */
function tokenText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string') return (value as { content: string }).content;
  return '';
}

export function compileChatTemplate(config: { chat_template?: unknown; bos_token?: unknown; eos_token?: unknown }): ChatTemplate {
  const source = Array.isArray(config.chat_template)
    ? ((config.chat_template as { name: string; template: string }[]).find((t) => t.name === 'default')?.template ?? '')
    : String(config.chat_template ?? '');
  return { template: new Template(source), bosToken: tokenText(config.bos_token), eosToken: tokenText(config.eos_token) };
}

/** Why a template refused a conversation, in its own words, or null when it rendered. */
export class TemplateRefusal extends Error {}

function render(t: ChatTemplate, messages: ChatMessage[], addGenerationPrompt: boolean): string {
  try {
    return t.template.render({ messages, bos_token: t.bosToken, eos_token: t.eosToken, add_generation_prompt: addGenerationPrompt });
  } catch (err) {
    // Templates refuse with raise_exception("…"): its message is the reason to show.
    throw new TemplateRefusal(err instanceof Error ? err.message.replace(/^Error:\s*/, '') : String(err));
  }
}

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Renders the whole conversation once and marks each assistant turn's span in it: from where the
 * generation prompt of that turn ends (the conversation before it rendered with
 * `add_generation_prompt`, e.g. `<|start_header_id|>assistant<|end_header_id|>\n\n`) through the
 * turn's text and the end-of-turn token after it. That is the span a trainer's assistant-only loss
 * trains on, including whatever the template adds inside the turn (Qwen 3's empty `<think>` block
 * on the final turn).
 *
 * Rendering prefix by prefix and subtracting whole renders would be simpler, but Qwen 3 renders a
 * non-final assistant turn differently from a final one, so a prefix's render is not a prefix of
 * the full render; locating spans in the one full render counts what the trainer really sees.
 */
export function renderConversation(t: ChatTemplate, messages: ChatMessage[]): RenderedConversation {
  const text = render(t, messages, false);
  const pieces: RenderedConversation['pieces'] = [];
  let cursor = 0;
  for (let i = 0; i < messages.length; i++) {
    if (messages[i].role !== 'assistant') continue;
    const start = Math.max(cursor, commonPrefixLength(render(t, messages.slice(0, i), true), text));
    const content = messages[i].content.trim();
    const at = content ? text.indexOf(content, start) : start;
    if (at < 0) continue; // A template that rewrites the text: the turn counts as prompt, never twice.
    let end = at + content.length;
    if (t.eosToken && text.startsWith(t.eosToken, end)) end += t.eosToken.length;
    if (start > cursor) pieces.push({ text: text.slice(cursor, start), assistant: false });
    pieces.push({ text: text.slice(start, end), assistant: true });
    cursor = end;
  }
  if (cursor < text.length) pieces.push({ text: text.slice(cursor), assistant: false });
  return { text, pieces };
}
