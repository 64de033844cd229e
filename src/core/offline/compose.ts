/**
 * The offline provider's writer: composes a plausible, varied multi-turn conversation from a
 * slot's metadata alone, so the product works end to end without an API key. Pure and
 * deterministic: the same slot and seed always give the same conversation.
 */
import { buildSettings, type ConversationSettings } from './context.js';
import { createPicker, type Picker } from './picker.js';
import { planConversation, type ConversationKind } from './plan.js';
import { ASSISTANT_PADS } from './phrases-moves.js';
import { GIST_BRIDGES, TERM_BRIDGES } from './phrases-assistant.js';
import { createRandom, hashSeed, type Random } from './random.js';
import { capitalize, displayLabel, fitToWordRange, type Part, type WordRange } from './text.js';
import { draftAssistantTurn, nextFact, type DraftState } from './turns-assistant.js';
import { writeUserTurn } from './turns-user.js';

export interface OfflineSlot {
  persona: { key: string; label: string; description?: string; expertise?: 'beginner' | 'intermediate' | 'advanced' };
  emotion: { key: string; label: string };
  topic: { key: string; label: string };
  intent: { key: string; label: string };
  tone: { key: string; label: string };
  tier: 'template' | 'scenario' | 'edge_case';
  arc?: { key: string; label: string; startEmotion: string; endEmotion: string; stages: string[] } | null;
  scenario?: { title: string; problem: string; solution: string; outcome: string } | null;
  edgeCase?: { title: string; category: string; description: string; adversarialPrompt: string } | null;
  chunk?: { content: string; summary?: string; keyTerms?: string[]; expertiseLevel?: string } | null;
}

export interface OfflineTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface OfflineConversation {
  title: string;
  turns: OfflineTurn[];
  /** 1–10, the generator's self-rated confidence. */
  confidence: number;
}

export const ASSISTANT_WORDS: WordRange = { min: 50, max: 180 };

/** A tier only counts when its material is present; otherwise the slot is written as a template. */
function conversationKind(slot: OfflineSlot): ConversationKind {
  if (slot.tier === 'scenario' && slot.scenario?.problem.trim()) return 'scenario';
  if (slot.tier === 'edge_case' && slot.edgeCase?.adversarialPrompt.trim()) return 'edge_case';
  return 'template';
}

// Mixing the slot into the seed keeps two slots given the same seed from sharing a skeleton.
function slotFingerprint(slot: OfflineSlot): string {
  return [
    slot.persona.key,
    slot.emotion.key,
    slot.topic.key,
    slot.intent.key,
    slot.tone.key,
    slot.tier,
    slot.arc?.key ?? '',
    slot.scenario?.title ?? '',
    slot.edgeCase?.title ?? '',
    slot.chunk?.summary ?? slot.chunk?.content.slice(0, 200) ?? '',
  ].join('|');
}

function titleFor(slot: OfflineSlot, kind: ConversationKind): string {
  const base = `${displayLabel(slot.persona.label, 'Saver')} asks about ${displayLabel(slot.topic.label, 'Personal Finance')}`;
  if (kind === 'scenario' && slot.scenario?.title.trim()) return `${base}: ${slot.scenario.title.trim()}`;
  if (kind === 'edge_case' && slot.edgeCase?.title.trim()) return `${base} (edge case: ${slot.edgeCase.title.trim()})`;
  return base;
}

const containsIgnoringCase = (text: string, needle: string) => text.toLowerCase().includes(needle.toLowerCase());

/**
 * A chunk-grounded conversation must name a key term and carry the chunk's point. Plans almost
 * always do this; when one does not, the first answer gets it. Only parts that can never be
 * trimmed count, so the guarantee survives fitting to length.
 */
function ensureChunkIsUsed(drafts: Part[][], settings: ConversationSettings, picker: Picker, hasChunk: boolean): void {
  if (!hasChunk || drafts.length === 0) return;
  const required = () => drafts.flat().filter((part) => !part.optional).map((part) => part.text);
  const first = drafts[0];
  if (!required().some((text) => settings.chunkTerms.some((term) => containsIgnoringCase(text, term))) && settings.chunkTerms.length > 0) {
    first.splice(Math.min(1, first.length), 0, { text: picker.say(TERM_BRIDGES) });
  }
  // Colon templates lower-case the gist's first letter, so compare from the second character on.
  const gistBody = settings.ctx.gist.slice(1).toLowerCase();
  if (!required().some((text) => text.toLowerCase().includes(gistBody))) {
    first.splice(Math.min(2, first.length), 0, { text: picker.say(GIST_BRIDGES) });
  }
}

/**
 * The last guard against instruction-speak: source texts the voicing rules could not parse may
 * still say "the user". In the user's mouth that is "I"/"my"; in the assistant's, "you"/"your".
 */
function speakOfYou(text: string, speaker: 'user' | 'assistant'): string {
  const [possessive, subject, object] = speaker === 'user' ? ['my', 'I', 'me'] : ['your', 'you', 'you'];
  return text
    .replace(/\bthe user's\b/gi, (match) => (match[0] === 'T' ? capitalize(possessive) : possessive))
    .replace(/(^|[.!?]\s+)the user\b/gi, (_, before: string) => `${before}${capitalize(subject)}`)
    .replace(/\bthe user\b/gi, object);
}

function selfRatedConfidence(kind: ConversationKind, exchanges: number, hasChunk: boolean, rng: Random): number {
  let score = kind === 'template' ? 8 : kind === 'scenario' ? 7.5 : 7;
  score += hasChunk ? 0.5 : -1;
  if (exchanges <= 3) score -= 2;
  score += rng.int(-1, 1);
  return Math.min(10, Math.max(1, Math.round(score)));
}

export function composeOfflineConversation(slot: OfflineSlot, seed: number): OfflineConversation {
  const rng = createRandom((hashSeed(slotFingerprint(slot)) ^ (Math.trunc(seed) >>> 0)) >>> 0);
  const kind = conversationKind(slot);
  const settings = buildSettings(slot, rng);
  const hasChunk = Boolean(slot.chunk && (slot.chunk.summary?.trim() || slot.chunk.content.trim()));
  const plan = planConversation(
    {
      kind,
      stages: slot.arc?.stages ?? [],
      intent: settings.intent,
      startEmotion: settings.startEmotion,
      endEmotion: settings.endEmotion,
      hasAltTerm: settings.hasAltTerm,
    },
    rng,
  );

  const picker = createPicker(rng, settings.ctx);
  const state: DraftState = { disclaimed: false, outcomeShown: false, gistUsed: false, factsSaid: new Set() };
  const userTexts: string[] = [];
  const drafts: Part[][] = [];
  for (const exchange of plan) {
    const user = writeUserTurn(exchange, settings, picker, kind === 'scenario');
    userTexts.push(user.content);
    drafts.push(draftAssistantTurn(exchange, settings, picker, state, user));
  }
  ensureChunkIsUsed(drafts, settings, picker, hasChunk);

  const turns: OfflineTurn[] = plan.flatMap((_, index) => [
    { role: 'user' as const, content: speakOfYou(userTexts[index], 'user') },
    // A short answer is filled out with what the source still has to say before any stock line.
    { role: 'assistant' as const, content: speakOfYou(fitToWordRange(drafts[index], ASSISTANT_WORDS, () => nextFact(settings, picker, state) ?? picker.say(ASSISTANT_PADS)), 'assistant') },
  ]);

  return {
    title: titleFor(slot, kind),
    turns,
    confidence: selfRatedConfidence(kind, plan.length, hasChunk, rng),
  };
}
