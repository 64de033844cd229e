import { CONVERSATION_STATUSES, type ConversationStatus } from './statuses';
import { TIER_LABELS, TIERS, type Tier } from './tiers';

/**
 * What the coverage figures count. `generated` (the default): conversations with text that a
 * reviewer has not turned down — generated (awaiting review) or approved. `approved`: approved
 * only. `all`: every slot, planned ones included, whatever its status.
 */
export const COVERAGE_SCOPES = ['generated', 'approved', 'all'] as const;
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];

export const SCOPE_STATUSES: Record<CoverageScope, readonly ConversationStatus[]> = {
  generated: ['generated', 'approved'],
  approved: ['approved'],
  all: CONVERSATION_STATUSES,
};

export const SCOPE_LABELS: Record<CoverageScope, string> = {
  generated: 'Generated or approved',
  approved: 'Approved only',
  all: 'Every planned slot',
};

export const inScope = (scope: CoverageScope, status: string) => (SCOPE_STATUSES[scope] as readonly string[]).includes(status);

/** A catalog value as coverage needs it: inactive values still name old conversations. */
export interface CatalogEntry {
  key: string;
  label: string;
  active: boolean;
}

/** One group of the coverage query: conversations per persona, emotion, tier, status and arc. */
export interface CoverageCountRow {
  persona: string;
  emotion: string;
  tier: string;
  status: string;
  arcKey: string | null;
  n: number;
}

export interface CountEntry {
  key: string;
  label: string;
  count: number;
  /** False for a value no longer active in the catalog (or never in it) that still has conversations. */
  active: boolean;
}

export interface CoverageCell {
  persona: string;
  personaLabel: string;
  emotion: string;
  emotionLabel: string;
  count: number;
  /** An active persona × active emotion with fewer conversations than the minimum. */
  belowMinimum: boolean;
}

export interface CoverageGap {
  persona: string;
  personaLabel: string;
  emotion: string;
  emotionLabel: string;
  count: number;
  /** How many more reach the minimum. */
  missing: number;
}

export interface TierEntry {
  key: Tier;
  label: string;
  count: number;
  /** Every slot of the tier by status, whatever the scope: what the stacked bar shows. */
  byStatus: Record<ConversationStatus, number>;
}

export interface ArcEntry {
  /** null: conversations that follow no arc (the scenario and edge-case tiers). */
  key: string | null;
  label: string;
  count: number;
  active: boolean;
}

export interface CoverageInput {
  scope: CoverageScope;
  rows: readonly CoverageCountRow[];
  personas: readonly CatalogEntry[];
  emotions: readonly CatalogEntry[];
  arcs: readonly { key: string; label: string; enabled: boolean }[];
  minPerCombination: number;
}

export interface CoverageFigures {
  total: number;
  byPersona: CountEntry[];
  byEmotion: CountEntry[];
  byTier: TierEntry[];
  byArc: ArcEntry[];
  personaEmotion: CoverageCell[];
  gaps: CoverageGap[];
  /** Conversations being generated now, any scope: the dashboard keeps refreshing while there are some. */
  generating: number;
}

const NO_ARC = 'No arc (scenario and edge-case tiers)';

/**
 * Catalog values in catalog order with their counts: active values always (zeros too), others
 * only while conversations still use them, labelled with their key when the catalog lost them.
 */
function entries(catalog: readonly CatalogEntry[], counts: Map<string, number>): CountEntry[] {
  const known = new Set(catalog.map((c) => c.key));
  const listed = catalog.filter((c) => c.active || (counts.get(c.key) ?? 0) > 0).map((c) => ({ key: c.key, label: c.label, count: counts.get(c.key) ?? 0, active: c.active }));
  const strays = [...counts.entries()].filter(([key, n]) => !known.has(key) && n > 0).map(([key, n]) => ({ key, label: key, count: n, active: false }));
  return [...listed, ...strays.sort((a, b) => a.key.localeCompare(b.key))];
}

function add(map: Map<string, number>, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * The coverage figures from grouped counts. Every breakdown adds up to `total`, the heatmap
 * included: its cells are every active persona × active emotion (zeros too) plus any other pair
 * that has conversations in scope. Gaps are active pairs under the minimum, thinnest first.
 */
export function buildCoverage(input: CoverageInput): CoverageFigures {
  const persona = new Map<string, number>();
  const emotion = new Map<string, number>();
  const arc = new Map<string, number>();
  const pair = new Map<string, number>();
  const tierStatus = new Map<string, number>();
  const tierCount = new Map<string, number>();
  let total = 0;
  let noArc = 0;
  let generating = 0;
  for (const r of input.rows) {
    add(tierStatus, `${r.tier}|${r.status}`, r.n);
    if (r.status === 'generating') generating += r.n;
    if (!inScope(input.scope, r.status)) continue;
    total += r.n;
    add(persona, r.persona, r.n);
    add(emotion, r.emotion, r.n);
    add(pair, `${r.persona}|${r.emotion}`, r.n);
    add(tierCount, r.tier, r.n);
    if (r.arcKey) add(arc, r.arcKey, r.n);
    else noArc += r.n;
  }

  const byPersona = entries(input.personas, persona);
  const byEmotion = entries(input.emotions, emotion);
  const labelOf = (list: CountEntry[], key: string) => list.find((e) => e.key === key)?.label ?? key;
  const personaEmotion: CoverageCell[] = [];
  for (const p of byPersona) {
    for (const e of byEmotion) {
      const count = pair.get(`${p.key}|${e.key}`) ?? 0;
      const bothActive = p.active && e.active;
      if (!bothActive && count === 0) continue;
      personaEmotion.push({ persona: p.key, personaLabel: p.label, emotion: e.key, emotionLabel: e.label, count, belowMinimum: bothActive && count < input.minPerCombination });
    }
  }
  // Every pair in scope has both values listed (entries keep any value with conversations), so nothing is lost.
  const gaps = personaEmotion
    .filter((c) => c.belowMinimum)
    .map((c) => ({ persona: c.persona, personaLabel: labelOf(byPersona, c.persona), emotion: c.emotion, emotionLabel: labelOf(byEmotion, c.emotion), count: c.count, missing: input.minPerCombination - c.count }))
    .sort((a, b) => a.count - b.count);

  const byTier = TIERS.map((tier) => ({
    key: tier,
    label: TIER_LABELS[tier],
    count: tierCount.get(tier) ?? 0,
    byStatus: Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, tierStatus.get(`${tier}|${s}`) ?? 0])) as Record<ConversationStatus, number>,
  }));
  const knownArcs = new Set(input.arcs.map((a) => a.key));
  const byArc: ArcEntry[] = [
    ...input.arcs.filter((a) => a.enabled || (arc.get(a.key) ?? 0) > 0).map((a) => ({ key: a.key, label: a.label, count: arc.get(a.key) ?? 0, active: a.enabled })),
    ...[...arc.entries()].filter(([k]) => !knownArcs.has(k)).map(([k, n]) => ({ key: k, label: k, count: n, active: false })),
    ...(noArc > 0 ? [{ key: null, label: NO_ARC, count: noArc, active: true }] : []),
  ];
  return { total, byPersona, byEmotion, byTier, byArc, personaEmotion, gaps, generating };
}
