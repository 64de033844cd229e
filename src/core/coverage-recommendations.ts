import type { CatalogEntry, CountEntry, CoverageGap } from './coverage';

/** At most this many combinations are recommended at once (US3.2.2: "top 5 missing combinations"). */
export const TOP_RECOMMENDATIONS = 5;

/** A recommendation's stable key: what a dismissal records. Catalog keys hold no colon, so it splits back. */
export const combinationKey = (persona: string, emotion: string) => `gap:${persona}:${emotion}`;

export function parseCombinationKey(key: string): { persona: string; emotion: string } | null {
  const m = /^gap:([a-z0-9_]{1,64}):([a-z0-9_]{1,64})$/.exec(key);
  return m ? { persona: m[1], emotion: m[2] } : null;
}

export interface CombinationRecommendation {
  key: string;
  persona: string;
  personaLabel: string;
  emotion: string;
  emotionLabel: string;
  /** The topic this persona × emotion has least of (null when the catalog has no active topic). */
  topic: string | null;
  topicLabel: string | null;
  /** Conversations in scope now. */
  count: number;
  /** Planned slots for this combination not generated yet: Generate Recommended generates them first. */
  waiting: number;
  min: number;
  target: number;
  /** New slots Generate Recommended plans: up to the target, after the waiting ones. */
  toPlan: number;
  reason: string;
}

export interface RecommendationInput {
  gaps: readonly CoverageGap[];
  byPersona: readonly CountEntry[];
  byEmotion: readonly CountEntry[];
  topics: readonly CatalogEntry[];
  /** Conversations in scope per persona, emotion and topic. */
  topicCounts: readonly { persona: string; emotion: string; topic: string; n: number }[];
  /** Not-generated slots per persona × emotion. */
  waiting: readonly { persona: string; emotion: string; n: number }[];
  dismissed: ReadonlySet<string>;
  min: number;
  target: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Among gaps missing as many, takes each time the one whose persona and emotion the list has
 * named least so far, so five equally thin gaps name five personas rather than one persona five
 * times (the order is otherwise kept).
 */
function spread(sorted: CoverageGap[]): CoverageGap[] {
  const out: CoverageGap[] = [];
  const used = new Map<string, number>();
  const rest = [...sorted];
  const seen = (g: CoverageGap) => (used.get(`p:${g.persona}`) ?? 0) + (used.get(`e:${g.emotion}`) ?? 0);
  while (rest.length) {
    let best = 0;
    for (let i = 1; i < rest.length && rest[i].missing === rest[0].missing; i++) if (seen(rest[i]) < seen(rest[best])) best = i;
    const [g] = rest.splice(best, 1);
    out.push(g);
    used.set(`p:${g.persona}`, (used.get(`p:${g.persona}`) ?? 0) + 1);
    used.set(`e:${g.emotion}`, (used.get(`e:${g.emotion}`) ?? 0) + 1);
  }
  return out;
}

/**
 * The active topic this pair has least of; ties go to the topic the persona has least of, then
 * the topic the list has suggested least (so equal gaps do not all name the same one), then
 * catalog order.
 */
function thinnestTopic(persona: string, emotion: string, input: RecommendationInput, suggested: ReadonlyMap<string, number>): CatalogEntry | null {
  const active = input.topics.filter((t) => t.active);
  if (!active.length) return null;
  const pairCount = new Map<string, number>();
  const personaCount = new Map<string, number>();
  for (const r of input.topicCounts) {
    if (r.persona !== persona) continue;
    personaCount.set(r.topic, (personaCount.get(r.topic) ?? 0) + r.n);
    if (r.emotion === emotion) pairCount.set(r.topic, (pairCount.get(r.topic) ?? 0) + r.n);
  }
  let best = active[0];
  for (const t of active.slice(1)) {
    const a = [pairCount.get(t.key) ?? 0, personaCount.get(t.key) ?? 0, suggested.get(t.key) ?? 0];
    const b = [pairCount.get(best.key) ?? 0, personaCount.get(best.key) ?? 0, suggested.get(best.key) ?? 0];
    const lower = a.findIndex((v, i) => v !== b[i]);
    if (lower >= 0 && a[lower] < b[lower]) best = t;
  }
  return best;
}

function reasonFor(gap: CoverageGap, waiting: number, thinnestPersona: boolean, thinnestEmotion: boolean, min: number): string {
  const parts = [gap.count === 0 ? `No ${gap.personaLabel} conversation with ${gap.emotionLabel} yet` : `Only ${gap.count} of the ${min} a combination needs`];
  if (thinnestPersona) parts.push(`${gap.personaLabel} has the fewest conversations of any persona`);
  if (thinnestEmotion) parts.push(`${gap.emotionLabel} is the least covered emotion`);
  if (waiting > 0) parts.push(`${plural(waiting, 'slot')} already planned, not generated yet`);
  return `${parts.join('; ')}.`;
}

/**
 * Ranks the gaps into recommendations, most urgent first: the most missing, then the thinner
 * persona, then the thinner emotion, then catalog labels (so the order never depends on the
 * database's), spread over personas and emotions. Dismissed combinations are left out; `all` keeps every one
 * (for the CLI and for counting), `top` the first five.
 */
export function rankRecommendations(input: RecommendationInput): { top: CombinationRecommendation[]; all: CombinationRecommendation[]; dismissedCount: number } {
  const personaTotal = new Map(input.byPersona.map((p) => [p.key, p.count]));
  const emotionTotal = new Map(input.byEmotion.map((e) => [e.key, e.count]));
  const activePersonas = input.byPersona.filter((p) => p.active);
  const activeEmotions = input.byEmotion.filter((e) => e.active);
  const minPersona = Math.min(...activePersonas.map((p) => p.count));
  const minEmotion = Math.min(...activeEmotions.map((e) => e.count));
  const waitingOf = new Map(input.waiting.map((w) => [`${w.persona}|${w.emotion}`, w.n]));

  const sorted = [...input.gaps].sort(
    (a, b) =>
      b.missing - a.missing ||
      (personaTotal.get(a.persona) ?? 0) - (personaTotal.get(b.persona) ?? 0) ||
      (emotionTotal.get(a.emotion) ?? 0) - (emotionTotal.get(b.emotion) ?? 0) ||
      a.personaLabel.localeCompare(b.personaLabel) ||
      a.emotionLabel.localeCompare(b.emotionLabel),
  );
  const ranked = spread(sorted.filter((g) => !input.dismissed.has(combinationKey(g.persona, g.emotion))));
  const dismissedCount = sorted.length - ranked.length;
  const all: CombinationRecommendation[] = [];
  const suggestedTopics = new Map<string, number>();
  for (const gap of ranked) {
    const key = combinationKey(gap.persona, gap.emotion);
    const waiting = waitingOf.get(`${gap.persona}|${gap.emotion}`) ?? 0;
    const topic = thinnestTopic(gap.persona, gap.emotion, input, suggestedTopics);
    if (topic) suggestedTopics.set(topic.key, (suggestedTopics.get(topic.key) ?? 0) + 1);
    const onlyThinnest = (count: number | undefined, min: number, list: readonly CountEntry[]) => count === min && list.filter((x) => x.count === min).length === 1;
    all.push({
      key,
      persona: gap.persona,
      personaLabel: gap.personaLabel,
      emotion: gap.emotion,
      emotionLabel: gap.emotionLabel,
      topic: topic?.key ?? null,
      topicLabel: topic?.label ?? null,
      count: gap.count,
      waiting,
      min: input.min,
      target: input.target,
      toPlan: Math.max(0, input.target - gap.count - waiting),
      reason: reasonFor(gap, waiting, onlyThinnest(personaTotal.get(gap.persona), minPersona, activePersonas), onlyThinnest(emotionTotal.get(gap.emotion), minEmotion, activeEmotions), input.min),
    });
  }
  return { top: all.slice(0, TOP_RECOMMENDATIONS), all, dismissedCount };
}
