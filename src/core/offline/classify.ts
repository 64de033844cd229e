/**
 * Catalog values are free text (users can add their own emotions, tones and arcs), so the
 * composer maps each onto a small set of families it has phrases for, by keyword.
 */

export type EmotionFamily = 'anxiety' | 'confusion' | 'frustration' | 'curiosity' | 'confidence' | 'relief';
export type ToneFamily = 'warm' | 'direct' | 'educational' | 'encouraging' | 'professional' | 'analytical' | 'casual';
export type IntentFamily = 'education' | 'decision' | 'comparison' | 'validation' | 'planning' | 'concern';
export type Expertise = 'beginner' | 'intermediate' | 'advanced';
export type EdgeFamily = 'guarantee' | 'ethics' | 'distress' | 'conflict' | 'privacy' | 'manipulation' | 'general';

/** What an assistant turn sets out to do; user questions are chosen to lead into it. */
export type AssistantMove =
  | 'validate'
  | 'explain'
  | 'example'
  | 'compare'
  | 'explore'
  | 'plan'
  | 'reassure'
  | 'diagnose'
  | 'solution'
  | 'outcome'
  | 'boundary'
  | 'hold'
  | 'close';

type Rule<T> = readonly [RegExp, T];

function firstMatch<T>(text: string, rules: readonly Rule<T>[], fallback: T): T {
  const normalized = text.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  for (const [pattern, value] of rules) if (pattern.test(normalized)) return value;
  return fallback;
}

// Order matters: "reassured" must read as relief before "sure" style words reach confidence.
const EMOTION_RULES: readonly Rule<EmotionFamily>[] = [
  [/relie|calm|grate|reassur|content|peace|satisf|secure|relax|thank|settled/, 'relief'],
  [/anx|fear|afraid|scare|worr|nerv|panic|stress|dread|shame|guilt|embarrass|sad|grief|griev|overwhelm|distress/, 'anxiety'],
  [/confus|uncertain|lost|puzzl|unsure|bewild|perplex|unclear/, 'confusion'],
  [/frustrat|skeptic|sceptic|anger|angry|annoy|distrust|cynic|irritat|resent|doubt|impatien|defensive|suspicio/, 'frustration'],
  [/confiden|excit|determin|empower|motivat|eager|ambitio|proud|enthusias|bold|ready|triumph|joy|thrill/, 'confidence'],
  [/curio|hope|interest|optimis|intrigu|wonder|open|explor/, 'curiosity'],
];

export function emotionFamilyOf(...labels: readonly (string | undefined)[]): EmotionFamily {
  return firstMatch(labels.filter(Boolean).join(' '), EMOTION_RULES, 'curiosity');
}

const TONE_RULES: readonly Rule<ToneFamily>[] = [
  [/analyt|data|quantitat|numbers|evidence/, 'analytical'],
  [/direct|concise|blunt|straight|no-nonsense|practical|brief|succinct/, 'direct'],
  [/educat|teach|patient|explan|informativ|instruct|socratic|mentor/, 'educational'],
  [/encourag|motivat|upbeat|optimis|cheer|enthusias|empower|coach|positive/, 'encouraging'],
  [/warm|empath|compassion|support|gentle|caring|kind|reassur|nurtur/, 'warm'],
  [/profession|formal|authorit|measured|precise|expert|objective|neutral/, 'professional'],
  [/casual|friendly|conversation|playful|humor|relax|informal|fun|light/, 'casual'],
];

export function toneFamilyOf(...labels: readonly (string | undefined)[]): ToneFamily {
  return firstMatch(labels.filter(Boolean).join(' '), TONE_RULES, 'warm');
}

const INTENT_RULES: readonly Rule<IntentFamily>[] = [
  [/compar|versus|\bvs\b|alternativ|weigh/, 'comparison'],
  [/validat|confirm|check|sanity|review|second opinion/, 'validation'],
  [/concern|worr|express|vent|fear/, 'concern'],
  [/decid|decision|choos|select|evaluat/, 'decision'],
  [/advice|plan|action|steps|strateg|goal|implement|start|set ?up|help/, 'planning'],
  [/learn|understand|educat|explain|concept|basics|curious|explor/, 'education'],
];

export function intentFamilyOf(...labels: readonly (string | undefined)[]): IntentFamily {
  return firstMatch(labels.filter(Boolean).join(' '), INTENT_RULES, 'education');
}

const EXPERTISE_HINTS: readonly Rule<Expertise>[] = [
  [/beginner|novice|new to|first[- ]time|starter|just starting|student|graduate|newbie/, 'beginner'],
  [/expert|advanced|seasoned|sophisticat|veteran|savvy|experienced|analyst|trader|consultant/, 'advanced'],
  [/intermediate|some experience|familiar/, 'intermediate'],
];

/** The persona decides vocabulary; the chunk's level is only a hint when the persona is silent. */
export function expertiseOf(
  explicit: Expertise | undefined,
  personaText: string,
  chunkLevel: string | undefined,
): Expertise {
  if (explicit === 'beginner' || explicit === 'intermediate' || explicit === 'advanced') return explicit;
  const fromPersona = firstMatch<Expertise | null>(personaText, EXPERTISE_HINTS, null);
  if (fromPersona) return fromPersona;
  return firstMatch<Expertise>(chunkLevel ?? '', EXPERTISE_HINTS, 'intermediate');
}

const EDGE_CATEGORY_RULES: readonly Rule<EdgeFamily>[] = [
  [/overwhelm|distress|crisis|emotional|self-harm|suicid/, 'distress'],
  [/conflict|disagree|contradict/, 'conflict'],
  [/privacy|personal data|identity|security/, 'privacy'],
  [/jailbreak|injection|off[- ]topic|role-?play|manipulat/, 'manipulation'],
  [/ethic|illegal|fraud|evasion|compliance|legal/, 'ethics'],
  [/guarantee|boundary|predict|speculat|promise/, 'guarantee'],
];

const EDGE_TEXT_RULES: readonly Rule<EdgeFamily>[] = [
  [/can't do this anymore|can't breathe|hopeless|end it all|harm myself|suicid|no way out/, 'distress'],
  [/password|social security number|account number|\bssn\b|log ?in|someone else's account/, 'privacy'],
  [/ignore (all|your|previous)|pretend you|system prompt|developer mode|role-?play/, 'manipulation'],
  [/skim|off the books|don't report|not report|hide|launder|evade|evasion|fake|forge|doesn't notice|won't notice/, 'ethics'],
  [/guarantee|double it|sure thing|most sure|certain to|can't lose|predict/, 'guarantee'],
  [/who's right|which one is it|says .* wrong|disagree|one of you is wrong/, 'conflict'],
];

export function edgeFamilyOf(category: string, ...texts: readonly string[]): EdgeFamily {
  const fromCategory = firstMatch<EdgeFamily | null>(category, EDGE_CATEGORY_RULES, null);
  // The prompt itself is more specific than a broad category such as "boundary_testing".
  const fromText = firstMatch<EdgeFamily | null>(texts.join(' '), EDGE_TEXT_RULES, null);
  if (fromText === 'distress' || fromText === 'ethics' || fromText === 'privacy') return fromText;
  return fromCategory ?? fromText ?? 'general';
}

export interface StageReading {
  move: AssistantMove;
  /** The stage has the user challenging the assistant, so that user turn pushes back. */
  userPushesBack: boolean;
}

const STAGE_RULES: readonly Rule<AssistantMove>[] = [
  [/celebrat|summariz|wrap|leaves with|ends with|expresses relief/, 'close'],
  [/objection|tests the plan|pushes back|challeng/, 'reassure'],
  [/misconception|edge case|probes/, 'explain'],
  [/clarifying|asks about/, 'explore'],
  [/validat|acknowledg|empath|slows|vent|worry|urgen/, 'validate'],
  [/example|illustrat|story/, 'example'],
  [/own situation|connected to|applies to/, 'example'],
  [/control|reassur|confiden|calm|progress/, 'reassure'],
  [/assumption|surfaces|gap|blind spot|asks about|discover/, 'explore'],
  [/plan|step|action|commit|schedul|adjust|build|reframe/, 'plan'],
  [/compar|option|alternativ|trade-?off/, 'compare'],
];

export function readStage(stage: string): StageReading {
  const normalized = stage.toLowerCase();
  return {
    move: firstMatch(normalized, STAGE_RULES, 'explain'),
    userPushesBack: /objection|pushes back|challeng|probes|misconception|skeptic|doubt/.test(normalized),
  };
}

export function isTaxOrLegal(text: string): boolean {
  return /\btax|estate|legal|\bwills?\b|trust|inherit|deduct|\birs\b|roth|conversion|probate|beneficiar|attorney|power of attorney/i.test(
    text,
  );
}
