import { beforeAll, describe, expect, it } from 'vitest';
import { BASE_MODELS, findBaseModel } from './base-models';
import { renderConversation } from './chat-render';
import { countTokens, trainingMessages } from './token-count';
import { loadModel, type LoadedModel } from './tokenizers';
import golden from './golden-renders.json' with { type: 'json' };

// A fixed conversation: two exchanges, so Qwen 3's different rendering of a non-final and a
// final assistant turn is covered; with and without a system prompt.
const TURNS = [
  { role: 'user', content: 'How much should I keep in an emergency fund?' },
  { role: 'assistant', content: 'Most planners suggest three to six months of essential expenses.' },
  { role: 'user', content: 'Where should I keep it?' },
  { role: 'assistant', content: 'A high-yield savings account: safe, and you can reach it quickly.' },
];
const SYSTEM = 'You are a patient financial guide.';

type Golden = { text: string; assistant: string[]; tokens: number; assistantTokens: number };
const GOLDEN = golden as Record<string, Golden>;

const models = new Map<string, LoadedModel>();
beforeAll(async () => {
  // Loading a tokenizer takes seconds on a busy machine: once for the file.
  for (const m of BASE_MODELS) models.set(m.id, await loadModel(m));
}, 180_000);

describe('golden renders through each chat template', () => {
  for (const model of BASE_MODELS) {
    for (const system of [undefined, SYSTEM]) {
      const key = `${model.id}${system ? '+system' : ''}`;
      it(`${key}: the render, its assistant spans and token counts match the golden ones`, () => {
        const { template, encoder } = models.get(model.id)!;
        const rendered = renderConversation(template, trainingMessages(TURNS, system));
        expect(rendered.text).toBe(GOLDEN[key].text);
        expect(rendered.pieces.filter((p) => p.assistant).map((p) => p.text)).toEqual(GOLDEN[key].assistant);
        // Pieces are the whole render, in order, nothing lost or doubled.
        expect(rendered.pieces.map((p) => p.text).join('')).toBe(rendered.text);
        const count = countTokens(template, encoder, TURNS, system);
        expect(count).toEqual({ tokens: GOLDEN[key].tokens, assistantTokens: GOLDEN[key].assistantTokens, refusedReason: null });
        // Counting piece by piece gives the count of the whole render.
        expect(encoder.encode(rendered.text, { add_special_tokens: false }).length).toBe(count.tokens);
      });
    }
  }
});

describe('refusals', () => {
  const twoUsers = [
    { role: 'user', content: 'First question?' },
    { role: 'user', content: 'And a second one?' },
    { role: 'assistant', content: 'Both answered.' },
  ];

  it("Gemma 3's template refuses two user turns in a row, with its own reason", () => {
    const { template, encoder } = models.get('gemma-3')!;
    const count = countTokens(template, encoder, twoUsers);
    expect(count.tokens).toBeNull();
    expect(count.refusedReason).toMatch(/roles must alternate user\/assistant/i);
  });

  it('Llama 3.1 takes the same conversation', () => {
    const { template, encoder } = models.get('llama-3.1')!;
    const count = countTokens(template, encoder, twoUsers);
    expect(count.refusedReason).toBeNull();
    expect(count.tokens).toBeGreaterThan(count.assistantTokens!);
  });
});

describe('assistant share', () => {
  it('longer answers raise the assistant share; the prompt side is unchanged', () => {
    const { template, encoder } = models.get('llama-3.1')!;
    const short = countTokens(template, encoder, TURNS);
    const long = countTokens(template, encoder, TURNS.map((t) => (t.role === 'assistant' ? { ...t, content: `${t.content} ${t.content}` } : t)));
    expect(long.assistantTokens! / long.tokens!).toBeGreaterThan(short.assistantTokens! / short.tokens!);
    expect(long.tokens! - long.assistantTokens!).toBe(short.tokens! - short.assistantTokens!);
  });

  it('a system prompt adds prompt tokens only', () => {
    const { template, encoder } = models.get('qwen-3')!;
    const without = countTokens(template, encoder, TURNS);
    const withSystem = countTokens(template, encoder, TURNS, SYSTEM);
    expect(withSystem.assistantTokens).toBe(without.assistantTokens);
    expect(withSystem.tokens).toBeGreaterThan(without.tokens!);
  });
});

describe('a folded system prompt', () => {
  it('starts the first user message, as the export writes it, instead of a system message', () => {
    const messages = trainingMessages(TURNS, SYSTEM, true);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messages[0].content).toBe(`${SYSTEM}\n\n${TURNS[0].content}`);
    const { template, encoder } = models.get('llama-3.1')!;
    const folded = countTokens(template, encoder, TURNS, SYSTEM, true);
    expect(folded.tokens).toBeGreaterThan(countTokens(template, encoder, TURNS).tokens!);
    expect(folded.tokens).toBeLessThan(countTokens(template, encoder, TURNS, SYSTEM).tokens!);
  });
});

describe('the registry', () => {
  it('knows the three base models and finds none other', () => {
    expect(BASE_MODELS.map((m) => m.id)).toEqual(['llama-3.1', 'qwen-3', 'gemma-3']);
    expect(findBaseModel('mistral-7b')).toBeUndefined();
  });
});
