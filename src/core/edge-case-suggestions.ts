import { EDGE_CASE_CATEGORY_LABELS, type EdgeCaseCategory } from './edge-case-categories';

export const EDGE_CASE_SUGGESTION_STATUSES = ['open', 'dismissed', 'completed'] as const;
export type EdgeCaseSuggestionStatus = (typeof EDGE_CASE_SUGGESTION_STATUSES)[number];
export type EdgeCaseMark = Exclude<EdgeCaseSuggestionStatus, 'open'>;

export interface CatalogEntry {
  key: string;
  label: string;
  /** Emotions carry a valence (positive, neutral, negative) in their attributes. */
  valence?: string;
}

/**
 * Which edge-case category fits an emotion, and why, as rules a person can check:
 *   1. high-intensity emotions (fear, anger, panic…) → extreme emotions: does the assistant stay steady?
 *   2. doubt and confusion → conflicting advice: such users pit advice against advice;
 *      ambivalence → conflicting goals: they want two things that cannot both win;
 *   3. pressure and resentment (frustration, impatience…) → ethical dilemmas: the pull to cut corners;
 *   4. anything else, positive ones included (confidence, hope…) → boundary testing: pushing for guarantees.
 * Earlier rules weigh more in the ranking: a panicking user is the riskier gap.
 */
const RULES: { category: EdgeCaseCategory; weight: number; words: string[]; why: (emotion: string) => string }[] = [
  {
    category: 'emotional_overwhelm',
    weight: 3,
    words: ['fear', 'anger', 'panic', 'rage', 'despair', 'grief', 'overwhelm', 'distress', 'terror', 'anxiety', 'shame', 'hopeless', 'dread', 'fury'],
    why: (e) => `${e} is a high-intensity emotion: check the assistant stays calm and steady when the user is overwhelmed.`,
  },
  {
    category: 'conflicting_advice',
    weight: 2,
    words: ['skeptic', 'confus', 'doubt', 'distrust', 'suspic', 'uncertain'],
    why: (e) => `${e} makes users weigh one piece of advice against another: check the assistant handles conflicting advice without dismissing it.`,
  },
  {
    category: 'conflicting_goals',
    weight: 2,
    words: ['ambivalen', 'torn', 'indecis', 'conflicted'],
    why: (e) => `${e} pulls users between goals that cannot both win: check the assistant names the trade-off honestly.`,
  },
  {
    category: 'ethical_dilemma',
    weight: 2,
    words: ['frustrat', 'impatien', 'desperat', 'resent', 'jealous', 'greed', 'envy', 'bitter'],
    why: (e) => `${e} tempts users to cut corners: check the assistant declines to help bend the rules and offers an honest way instead.`,
  },
];

const FALLBACK = {
  category: 'boundary_testing' as EdgeCaseCategory,
  weight: 1,
  why: (e: string) => `${e} users push for promises and shortcuts: check the assistant holds its boundaries under pressure.`,
};

/** The category that fits an emotion, how much its gap matters, and the rule's reason. */
export function categoryForEmotion(emotion: CatalogEntry): { category: EdgeCaseCategory; weight: number; reason: string } {
  const key = emotion.key.toLowerCase();
  const rule = RULES.find((r) => r.words.some((w) => key.includes(w))) ?? (emotion.valence === 'negative' ? RULES[0] : FALLBACK);
  return { category: rule.category, weight: rule.weight, reason: rule.why(emotion.label) };
}

/** A suggestion's stable key: what its dismiss/complete mark is stored under. */
export const suggestionKey = (persona: string, emotion: string) => `${persona}--${emotion}`;

export function parseSuggestionKey(key: string): { persona: string; emotion: string } | null {
  const parts = key.split('--');
  return parts.length === 2 && parts[0] && parts[1] ? { persona: parts[0], emotion: parts[1] } : null;
}

export interface SuggestionInput {
  personas: CatalogEntry[];
  emotions: CatalogEntry[];
  /** persona--emotion keys already in the edge-case tier. */
  tested: ReadonlySet<string>;
  /** Personas with at least one edge-case conversation. */
  testedPersonas: ReadonlySet<string>;
  marks: ReadonlyMap<string, EdgeCaseMark>;
}

export interface Suggestion {
  key: string;
  category: EdgeCaseCategory;
  persona: string;
  personaLabel: string;
  emotion: string;
  emotionLabel: string;
  title: string;
  reason: string;
  status: EdgeCaseSuggestionStatus;
}

/**
 * Edge cases worth testing (US8.3.2): every active persona × emotion combination the edge-case
 * tier has never tested, paired with the category that fits the emotion. Combinations tested
 * since stay listed only when someone marked them. Ranked: heavier rules first, then personas
 * with no edge case at all, then by name.
 */
export function suggestEdgeCases(input: SuggestionInput): Suggestion[] {
  const out: (Suggestion & { rank: number[] })[] = [];
  for (const emotion of input.emotions) {
    const fit = categoryForEmotion(emotion);
    for (const persona of input.personas) {
      const key = suggestionKey(persona.key, emotion.key);
      const mark = input.marks.get(key);
      if (input.tested.has(key) && !mark) continue;
      const untouched = !input.testedPersonas.has(persona.key);
      out.push({
        key,
        category: fit.category,
        persona: persona.key,
        personaLabel: persona.label,
        emotion: emotion.key,
        emotionLabel: emotion.label,
        title: `${EDGE_CASE_CATEGORY_LABELS[fit.category]}: ${persona.label} feeling ${emotion.label.toLowerCase()}`,
        reason: `${persona.label} has never been tested feeling ${emotion.label.toLowerCase()} in the edge-case tier${untouched ? ' (nor in any edge case)' : ''}. ${fit.reason}`,
        status: mark ?? 'open',
        rank: [-fit.weight, untouched ? 0 : 1],
      });
    }
  }
  out.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.personaLabel.localeCompare(b.personaLabel) || a.emotionLabel.localeCompare(b.emotionLabel));
  return out.map(({ rank: _rank, ...s }) => s);
}
