import { TIERS } from '../tiers';
import type { ExportOptions, ExportRecord, FormatId } from './record';
import type { SplitPlan } from './split';

/** Bumped when the shape of exported lines or of this metadata changes. */
export const EXPORT_FORMAT_VERSION = '1.1';

export const SCORE_BUCKETS = ['<6', '6-7', '7-8', '8-9', '9-10'] as const;
export type ScoreBucket = (typeof SCORE_BUCKETS)[number];

interface Labelled {
  label: string | null;
  count: number;
}

/**
 * Running statistics of an export, filled one record at a time while the file streams
 * (US5.1.1, US5.1.2). Internal: `finishStats` turns it into the JSON metadata.
 */
export interface ExportStats {
  count: number;
  qualitySum: number;
  scored: number;
  /** Counts per SCORE_BUCKETS entry, then unscored. */
  buckets: number[];
  byTier: Map<string, number>;
  byPersona: Map<string, Labelled>;
  byEmotion: Map<string, Labelled>;
  byModel: Map<string, number>;
  turns: number;
  earliest: { ms: number; iso: string } | null;
  latest: { ms: number; iso: string } | null;
  splits: { train: number; validation: number };
  splitsByTier: Map<string, { train: number; validation: number }>;
}

export function createStats(): ExportStats {
  return {
    count: 0,
    qualitySum: 0,
    scored: 0,
    buckets: [0, 0, 0, 0, 0, 0],
    byTier: new Map(),
    byPersona: new Map(),
    byEmotion: new Map(),
    byModel: new Map(),
    turns: 0,
    earliest: null,
    latest: null,
    splits: { train: 0, validation: 0 },
    splitsByTier: new Map(),
  };
}

/** Index into SCORE_BUCKETS: <6, [6,7), [7,8), [8,9), [9,10]. */
export function scoreBucket(score: number): number {
  if (score < 6) return 0;
  if (score < 7) return 1;
  if (score < 8) return 2;
  if (score < 9) return 3;
  return 4;
}

function countLabelled(map: Map<string, Labelled>, key: string, label: string | null | undefined) {
  const entry = map.get(key);
  if (entry) {
    entry.count++;
    if (entry.label === null && label) entry.label = label;
  } else {
    map.set(key, { label: label || null, count: 1 });
  }
}

/** Counts one exported record (a split's counts come later, from `applySplitPlan`). */
export function addRecord(stats: ExportStats, record: ExportRecord): void {
  stats.count++;
  const score = record.qualityScore;
  if (typeof score === 'number' && Number.isFinite(score)) {
    stats.qualitySum += score;
    stats.scored++;
    stats.buckets[scoreBucket(score)]++;
  } else {
    stats.buckets[5]++;
  }
  stats.byTier.set(record.tier, (stats.byTier.get(record.tier) ?? 0) + 1);
  countLabelled(stats.byPersona, record.persona, record.personaLabel);
  countLabelled(stats.byEmotion, record.emotion, record.emotionLabel);
  const model = record.model ?? 'unknown';
  stats.byModel.set(model, (stats.byModel.get(model) ?? 0) + 1);
  stats.turns += record.turns?.length ?? 0;
  if (record.generatedAt) {
    const ms = Date.parse(record.generatedAt);
    if (!Number.isNaN(ms)) {
      if (!stats.earliest || ms < stats.earliest.ms) stats.earliest = { ms, iso: record.generatedAt };
      if (!stats.latest || ms > stats.latest.ms) stats.latest = { ms, iso: record.generatedAt };
    }
  }
}

/**
 * The split of an export whose records were counted before it was decided (a split needs the
 * count of each tier first, see `planSplit`).
 */
export function applySplitPlan(stats: ExportStats, plan: Pick<SplitPlan, 'train' | 'validationCount' | 'byTier'>): void {
  stats.splits = { train: plan.train, validation: plan.validationCount };
  stats.splitsByTier = new Map(Object.entries(plan.byTier).map(([tier, counts]) => [tier, { ...counts }]));
}

/** What the export was asked to do: recorded so it can be understood and repeated. */
export interface ExportSettings {
  format: FormatId;
  /** When the export ran, ISO 8601 (core takes no clock: the caller passes it). */
  exportedAt: string;
  approvedOnly: boolean;
  /** The selector or filter state as the user gave it, kept so it can be recreated. */
  filter?: Record<string, unknown> | null;
  /** convgen's version (package.json). */
  systemVersion: string;
  options?: ExportOptions;
  split?: { validationFraction: number; seed: number | string } | null;
}

export interface CountEntry {
  key: string;
  label: string | null;
  count: number;
}

export interface ExportMetadata {
  exportDate: string;
  conversationCount: number;
  /** Mean of the scored conversations, two decimals; null when none is scored. */
  averageQuality: number | null;
  scoredCount: number;
  scoreDistribution: Record<ScoreBucket | 'unscored', number>;
  byTier: Record<string, number>;
  byPersona: CountEntry[];
  byEmotion: CountEntry[];
  byModel: { model: string; count: number }[];
  turns: { total: number; average: number | null };
  /** Earliest and latest `generatedAt` among the exported conversations. */
  dateRange: { from: string | null; to: string | null };
  /** Train and validation counts, overall and per tier (stratified: each tier in proportion). */
  splits: { train: number; validation: number; byTier: Record<string, { train: number; validation: number }> } | null;
  settings: {
    format: FormatId;
    approvedOnly: boolean;
    filter: Record<string, unknown> | null;
    systemPrompt: string | null;
    includeMetadata: boolean;
    foldSystemPrompt: boolean;
    mergeConsecutive: boolean;
    maxTokensPerExample: number | null;
    weights: 'all' | 'last' | null;
    validationFraction: number | null;
    seed: number | string | null;
  };
  version: { system: string; exportFormat: string };
}

const byCount = (a: { count: number; key: string }, b: { count: number; key: string }) =>
  b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function entries(map: Map<string, Labelled>): CountEntry[] {
  return [...map].map(([key, { label, count }]) => ({ key, label, count })).sort(byCount);
}

/** Per tier in the usual tier order, then any other tier by name. */
function splitsByTier(stats: ExportStats): Record<string, { train: number; validation: number }> {
  const out: Record<string, { train: number; validation: number }> = {};
  for (const tier of TIERS) {
    const counts = stats.splitsByTier.get(tier);
    if (counts) out[tier] = { ...counts };
  }
  for (const tier of [...stats.splitsByTier.keys()].sort()) if (!(tier in out)) out[tier] = { ...stats.splitsByTier.get(tier)! };
  return out;
}

export function finishStats(stats: ExportStats, settings: ExportSettings): ExportMetadata {
  const byTier: Record<string, number> = {};
  for (const tier of TIERS) byTier[tier] = stats.byTier.get(tier) ?? 0;
  for (const [tier, n] of stats.byTier) if (!(tier in byTier)) byTier[tier] = n;
  const distribution = {} as Record<ScoreBucket | 'unscored', number>;
  SCORE_BUCKETS.forEach((bucket, i) => (distribution[bucket] = stats.buckets[i]));
  distribution.unscored = stats.buckets[5];
  const options = settings.options ?? {};
  const system = options.systemPrompt?.trim() ? options.systemPrompt : null;
  return {
    exportDate: settings.exportedAt,
    conversationCount: stats.count,
    averageQuality: stats.scored ? Math.round((stats.qualitySum / stats.scored) * 100) / 100 : null,
    scoredCount: stats.scored,
    scoreDistribution: distribution,
    byTier,
    byPersona: entries(stats.byPersona),
    byEmotion: entries(stats.byEmotion),
    byModel: [...stats.byModel]
      .map(([key, count]) => ({ key, count }))
      .sort(byCount)
      .map(({ key, count }) => ({ model: key, count })),
    turns: { total: stats.turns, average: stats.count ? Math.round((stats.turns / stats.count) * 10) / 10 : null },
    dateRange: { from: stats.earliest?.iso ?? null, to: stats.latest?.iso ?? null },
    splits: settings.split ? { ...stats.splits, byTier: splitsByTier(stats) } : null,
    settings: {
      format: settings.format,
      approvedOnly: settings.approvedOnly,
      filter: settings.filter ?? null,
      systemPrompt: system ?? null,
      includeMetadata: options.includeMetadata === true,
      foldSystemPrompt: options.foldSystemPrompt === true && system !== null,
      mergeConsecutive: options.mergeConsecutive === true,
      maxTokensPerExample: options.maxTokensPerExample ?? null,
      weights: options.weights ?? null,
      validationFraction: settings.split?.validationFraction ?? null,
      seed: settings.split?.seed ?? null,
    },
    version: { system: settings.systemVersion, exportFormat: EXPORT_FORMAT_VERSION },
  };
}
