import { scoreConversation } from '../../core/quality';
import { loadQualityCatalog } from '../quality-catalog';
import { buildSearchText } from '../../core/search-text';
import type { Tx } from '../client';
import { DIMENSIONS } from '../../core/tiers';
import { conversations, conversationTranscripts, conversationTurns, dimensionValues } from '../schema';
import { transcriptText } from '../transcripts';

/** A hand-written conversation as it is stored: the demo's seeds and imported ones alike. */
export interface SeedToStore {
  conversationId: string;
  title: string;
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  tier: string;
  arcKey: string | null;
  turns: { role: 'user' | 'assistant'; content: string }[];
  metadata?: Record<string, unknown>;
}

/** The dimension labels (and tier) of a conversation, for its search text. */
export type LabelsOf = (slot: { persona: string; emotion: string; topic: string; intent: string; tone: string; tier: string }) => string[];

/**
 * Stores seed conversations (US10.3.1) in the caller's transaction: approved, marked as seeds,
 * by the "human" model of the "seed" provider, scored like any generated conversation (with a
 * hand-written seed's confidence of 9), with their turns and transcript. A few statements
 * whatever the number of seeds.
 */
export async function storeSeedConversations(tx: Tx, seeds: SeedToStore[], labelsOf: LabelsOf): Promise<{ id: string; conversationId: string }[]> {
  if (!seeds.length) return [];
  const now = new Date();
  const contextOf = await loadQualityCatalog(tx);
  const rows = await tx
    .insert(conversations)
    .values(
      seeds.map((seed) => {
        const quality = scoreConversation(seed.turns, 9, contextOf({ tier: seed.tier, topic: seed.topic, intent: seed.intent, arcKey: seed.arcKey, chunk: null }));
        return {
          conversationId: seed.conversationId,
          title: seed.title,
          persona: seed.persona,
          emotion: seed.emotion,
          topic: seed.topic,
          intent: seed.intent,
          tone: seed.tone,
          tier: seed.tier,
          arcKey: seed.arcKey,
          status: 'approved',
          isSeed: true,
          qualityScore: quality.score,
          qualityBreakdown: quality as unknown as Record<string, unknown>,
          turnCount: seed.turns.length,
          model: 'human',
          provider: 'seed',
          generatedAt: now,
          metadata: { ...seed.metadata, source: 'seed' },
          searchText: buildSearchText(seed.conversationId, seed.title, ...labelsOf(seed), 'seed'),
        };
      }),
    )
    .returning({ id: conversations.id, conversationId: conversations.conversationId });
  const idOf = new Map(rows.map((r) => [r.conversationId, r.id]));
  await tx.insert(conversationTurns).values(seeds.flatMap((seed) => seed.turns.map((t, i) => ({ conversationId: idOf.get(seed.conversationId)!, turnNumber: i + 1, role: t.role, content: t.content }))));
  await tx.insert(conversationTranscripts).values(seeds.map((seed) => ({ conversationId: idOf.get(seed.conversationId)!, turns: transcriptText(seed.turns) })));
  return seeds.map((seed) => ({ id: idOf.get(seed.conversationId)!, conversationId: seed.conversationId }));
}

/** The search-text labels from the workspace's catalog, for seeds imported into it. */
export async function catalogLabels(tx: Tx): Promise<LabelsOf> {
  const rows = await tx.select({ dimension: dimensionValues.dimension, key: dimensionValues.key, label: dimensionValues.label }).from(dimensionValues);
  const labels = new Map(rows.map((r) => [`${r.dimension}:${r.key}`, r.label]));
  return (slot) => DIMENSIONS.map((d) => labels.get(`${d}:${slot[d]}`) ?? slot[d]).concat(slot.tier.replace('_', ' '));
}
