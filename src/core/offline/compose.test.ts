import { describe, expect, it } from 'vitest';
import { composeOfflineConversation, type OfflineConversation, type OfflineSlot } from './compose.js';
import { EMOTION_SIGNALS } from './phrases.js';
import { BOUNDARY_MARKER } from './phrases-edge.js';
import { createRandom } from './random.js';
import { solutionSteps } from './solution.js';
import { countWords } from './text.js';
import { findLeaks, slotInstructions, slotMaterial } from './variety.js';
import { ARCS, BASE_SLOT, CHUNKS, EDGE_CASES, PERSONAS, SCENARIOS, randomSlot } from '../../../test/fixtures/offline-slots.js';

const assistantTurns = (c: OfflineConversation) => c.turns.filter((t) => t.role === 'assistant').map((t) => t.content);
const userTurns = (c: OfflineConversation) => c.turns.filter((t) => t.role === 'user').map((t) => t.content);

/** A reproducible batch of random slots with their own seeds. */
function sample(count: number, batchSeed: number): { slot: OfflineSlot; seed: number; conversation: OfflineConversation }[] {
  const rng = createRandom(batchSeed);
  return Array.from({ length: count }, () => {
    const slot = randomSlot(rng);
    const seed = rng.int(0, 2 ** 31);
    return { slot, seed, conversation: composeOfflineConversation(slot, seed) };
  });
}

describe('composeOfflineConversation', () => {
  it('is deterministic for the same slot and seed', () => {
    for (const { slot, seed } of sample(25, 1)) {
      expect(composeOfflineConversation(slot, seed)).toEqual(composeOfflineConversation(structuredClone(slot), seed));
    }
  });

  it('gives visibly different conversations for different seeds', () => {
    for (let seed = 0; seed < 20; seed++) {
      const a = composeOfflineConversation(BASE_SLOT, seed);
      const b = composeOfflineConversation(BASE_SLOT, seed + 1000);
      const left = assistantTurns(a);
      const right = assistantTurns(b);
      const shared = Math.min(left.length, right.length);
      const differing = left.slice(0, shared).filter((text, i) => text !== right[i]).length;
      expect(differing).toBe(shared);
      expect(userTurns(a)[0]).not.toBe(userTurns(b)[0]);
    }
  });

  it('strictly alternates, starts with the user, ends with the assistant, and has an even turn count', () => {
    for (const { slot, conversation } of sample(300, 2)) {
      const { turns } = conversation;
      expect(turns.length % 2).toBe(0);
      expect(turns.length).toBeGreaterThanOrEqual(6);
      expect(turns.length).toBeLessThanOrEqual(slot.tier === 'edge_case' ? 10 : 16);
      turns.forEach((turn, i) => expect(turn.role).toBe(i % 2 === 0 ? 'user' : 'assistant'));
    }
  });

  it('keeps user turns within 12–70 words and assistant turns within 50–180 words', () => {
    for (const { conversation } of sample(300, 3)) {
      for (const text of userTurns(conversation)) {
        expect(countWords(text), text).toBeGreaterThanOrEqual(12);
        expect(countWords(text), text).toBeLessThanOrEqual(70);
      }
      for (const text of assistantTurns(conversation)) {
        expect(countWords(text), text).toBeGreaterThanOrEqual(50);
        expect(countWords(text), text).toBeLessThanOrEqual(180);
      }
    }
  });

  it('makes most conversations 8–16 turns and only a minority short', () => {
    const lengths = sample(400, 4)
      .filter(({ slot }) => slot.tier !== 'edge_case')
      .map(({ conversation }) => conversation.turns.length);
    const shortShare = lengths.filter((n) => n < 8).length / lengths.length;
    expect(shortShare).toBeGreaterThan(0.02);
    expect(shortShare).toBeLessThan(0.2);
  });

  it('names a key term and carries the chunk summary when a chunk is given', () => {
    for (const { slot, conversation } of sample(200, 5)) {
      if (!slot.chunk) continue;
      const said = assistantTurns(conversation).join(' ').toLowerCase();
      expect(slot.chunk.keyTerms?.some((term) => said.includes(term.toLowerCase()))).toBe(true);
    }
    for (let seed = 0; seed < 30; seed++) {
      const said = assistantTurns(composeOfflineConversation({ ...BASE_SLOT, chunk: CHUNKS[0] }, seed)).join(' ');
      expect(said).toContain('bucket structure protects against forced selling');
      // A paraphrase, not the catalog note: the summary's "Explains why…" must not leak through.
      expect(said).not.toMatch(/Explains why/);
    }
  });

  it('shows the user trying the adversarial prompt and the assistant holding a boundary', () => {
    for (let seed = 0; seed < 40; seed++) {
      const edgeCase = EDGE_CASES[seed % EDGE_CASES.length];
      const { turns } = composeOfflineConversation({ ...BASE_SLOT, tier: 'edge_case', arc: null, edgeCase }, seed);
      const attempt = turns.findIndex((t) => t.role === 'user' && t.content.includes(edgeCase.adversarialPrompt.slice(0, 40)));
      expect(attempt).toBeGreaterThan(0);
      expect(turns[attempt + 1].content).toMatch(BOUNDARY_MARKER);
      expect(turns.length).toBeLessThanOrEqual(10);
      if (edgeCase.category === 'emotional_overwhelm') expect(turns[turns.length - 1].content).toContain('988');
    }
  });

  it('moves the user along the arc: start emotion first, end emotion last', () => {
    for (const arc of ARCS) {
      for (let seed = 0; seed < 25; seed++) {
        const users = userTurns(composeOfflineConversation({ ...BASE_SLOT, arc, tier: 'template' }, seed));
        const start = arc.startEmotion === 'frustration' ? 'frustration' : arc.startEmotion === 'anxiety' ? 'anxiety' : 'curiosity';
        const end = arc.endEmotion === 'relief' ? 'relief' : 'confidence';
        expect(users[0]).toMatch(EMOTION_SIGNALS[start]);
        expect(users[users.length - 1]).toMatch(EMOTION_SIGNALS[end]);
      }
    }
  });

  it('builds scenario conversations around the problem, solution and outcome', () => {
    for (let seed = 0; seed < 20; seed++) {
      const scenario = SCENARIOS[seed % SCENARIOS.length];
      const c = composeOfflineConversation({ ...BASE_SLOT, tier: 'scenario', arc: null, scenario }, seed);
      const said = assistantTurns(c).join(' ');
      expect(userTurns(c)[0]).toMatch(/\bI\b|\bmy\b/);
      expect(userTurns(c)[0]).not.toMatch(/the user/i);
      // The solution is voiced as advice ("Start by adopting…"), so its substance, not its wording, must be there.
      for (const step of solutionSteps(scenario.solution).slice(0, 2)) {
        expect(said).toContain(step.kind === 'fact' ? step.text.slice(0, -1) : step.text.split(' ').slice(1, 5).join(' '));
      }
      expect(said).toContain(scenario.outcome.split(' ').slice(-4).join(' '));
      expect(c.title).toContain(scenario.title);
    }
  });

  it('lets the persona shape vocabulary: advanced users hear more technical language', () => {
    const jargon = /risk-adjusted|second-order|path dependence|stress-test|asset location|tails|assumption|marginal tax/gi;
    const hits = (persona: OfflineSlot['persona']) =>
      Array.from({ length: 30 }, (_, seed) => composeOfflineConversation({ ...BASE_SLOT, persona, arc: null }, seed))
        .map((c) => (c.turns.map((t) => t.content).join(' ').match(jargon) ?? []).length)
        .reduce((a, b) => a + b, 0);
    expect(hits(PERSONAS[3])).toBeGreaterThan(hits(PERSONAS[0]) * 2);
  });

  it('titles the conversation after persona and topic, and rates its confidence 1–10', () => {
    for (const { slot, conversation } of sample(100, 6)) {
      expect(conversation.title.startsWith(`${slot.persona.label} asks about ${slot.topic.label}`)).toBe(true);
      expect(Number.isInteger(conversation.confidence)).toBe(true);
      expect(conversation.confidence).toBeGreaterThanOrEqual(1);
      expect(conversation.confidence).toBeLessThanOrEqual(10);
    }
  });

  it('never leaves template placeholders, unresolved alternatives or doubled spaces in the text', () => {
    for (const { conversation } of sample(200, 7)) {
      for (const { content } of conversation.turns) {
        // Braces or bars would be alternatives left unresolved.
        expect(content).not.toMatch(/\bundefined\b|\bnull\b|\$\{|\[object|\bNaN\b|\s{2,}|(?<!\.)\.\.(?!\.)|\s[,.;:]|[{}|]/);
      }
    }
  });

  it('never speaks of "the user" and never repeats instruction text, across 300 random slots', () => {
    const leaks = sample(300, 9).flatMap(({ slot, conversation }) =>
      findLeaks(conversation.turns, slotInstructions(slot), slotMaterial(slot)).map((leak) => `${leak.kind}: ${leak.match}`),
    );
    expect(leaks).toEqual([]);
  });

  it('voices scenario solutions written as directions to the writer as advice to "you"', () => {
    const directions = SCENARIOS.filter((scenario) => /^(Acknowledge|Quantify|Explain)/.test(scenario.solution));
    expect(directions.length).toBeGreaterThan(0);
    for (let seed = 0; seed < 30; seed++) {
      const scenario = directions[seed % directions.length];
      const c = composeOfflineConversation({ ...BASE_SLOT, tier: 'scenario', arc: null, scenario }, seed);
      const said = assistantTurns(c).join(' ');
      // No step reads as a direction to the writer: "Acknowledge…", "Explain that…", "Quantify…", "Show…".
      expect(said).not.toMatch(/the user|(?:^|[.!?,;] )(?:then )?(?:[Aa]cknowledge|[Ee]xplain|[Qq]uantify|[Ss]how) /);
      expect(said).toMatch(/\b(you|your)\b/);
    }
  });

  it('rarely repeats an assistant turn word for word across 200 conversations', () => {
    const batch = sample(200, 8).map(({ conversation }) => new Set(assistantTurns(conversation)));
    let pairsSharingATurn = 0;
    let pairs = 0;
    for (let i = 0; i < batch.length; i++) {
      for (let j = i + 1; j < batch.length; j++) {
        pairs++;
        if ([...batch[i]].some((text) => batch[j].has(text))) pairsSharingATurn++;
      }
    }
    expect(pairsSharingATurn / pairs).toBeLessThan(0.05);
  });
});
