import { asc, eq, like } from 'drizzle-orm';
import type { SeedStructure, SeedTemplateResult } from '../contract/seeds';
import { AppError } from '../core/errors';
import { buildSearchText } from '../core/search-text';
import { buildSeedTemplateBody, extractSeedStructure, planSeedVariations } from '../core/seed-template';
import type { Db } from '../db/client';
import { resolveConversationId } from '../db/queries/conversation-detail';
import { lockConversationNumbers, nextConversationIds } from '../db/queries/conversation-numbers';
import { assertKnownDimensionValues } from '../db/queries/dimension-validation';
import { conversations, conversationTurns, dimensionValues, templates, templateVersions } from '../db/schema';
import { catalogLabels } from '../db/seed/store-seeds';

/** A seed with its turns, or a 404 / 409 that says what to pick instead. */
async function loadSeed(db: Db, idOrConversationId: string) {
  const id = await resolveConversationId(db, idOrConversationId);
  const [seed] = await db.select().from(conversations).where(eq(conversations.id, id));
  if (!seed.isSeed) {
    throw new AppError({
      code: 'not_a_seed',
      status: 409,
      message: `${seed.conversationId} is not a seed conversation, so it cannot be used as a template.`,
      hint: 'Pick a conversation with the Seed badge (set the Seeds filter to "Only seeds"), or import your own seeds first.',
    });
  }
  const turns = await db.select({ role: conversationTurns.role, content: conversationTurns.content }).from(conversationTurns).where(eq(conversationTurns.conversationId, id)).orderBy(asc(conversationTurns.turnNumber));
  return { seed, turns };
}

const suggestedName = (seed: { conversationId: string; title: string }) => `Style of ${seed.title || seed.conversationId}`.slice(0, 120);

/** What "Use as Template" takes from a seed: its structure, style and the template body it would make. */
export async function readSeedStructure(db: Db, idOrConversationId: string): Promise<SeedStructure> {
  const { seed, turns } = await loadSeed(db, idOrConversationId);
  const structure = extractSeedStructure(turns);
  return {
    conversationId: seed.conversationId,
    title: seed.title,
    qualityScore: seed.qualityScore,
    ...structure,
    templateBody: buildSeedTemplateBody(structure, seed),
    suggestedName: suggestedName(seed),
  };
}

/** A template key from the seed's id that no template has yet: seed_seed_001, seed_seed_001_2, … */
async function freeTemplateKey(tx: Parameters<Parameters<Db['transaction']>[0]>[0], conversationId: string): Promise<string> {
  const base = `seed_${conversationId.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  const taken = new Set((await tx.select({ key: templates.key }).from(templates).where(like(templates.key, `${base}%`))).map((t) => t.key));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * "Use as Template" (US10.3.2): creates a template (version 1) whose body asks for the seed's
 * structure and style, and plans `variations` not-generated conversations with it — the seed's
 * persona and topic, emotions, intents and tones spread over the catalog — each remembering its
 * seed in `metadata.seedId`, so the preview can hold it against the seed's score. One
 * transaction: the template and its slots exist together or not at all.
 */
export async function createTemplateFromSeed(
  db: Db,
  idOrConversationId: string,
  request: { name?: string; variations: number },
  opts: { userId: string | null; random: () => number },
): Promise<SeedTemplateResult> {
  const { seed, turns } = await loadSeed(db, idOrConversationId);
  const structure = extractSeedStructure(turns);
  const active = await db.select({ dimension: dimensionValues.dimension, key: dimensionValues.key }).from(dimensionValues).where(eq(dimensionValues.active, true));
  const keys = (dimension: string) => active.filter((v) => v.dimension === dimension).map((v) => v.key);
  const variations = planSeedVariations({ seed, emotions: keys('emotion'), intents: keys('intent'), tones: keys('tone'), count: request.variations }, opts.random);
  // The seed's own persona and topic may have been deactivated since it was written.
  if (variations.length) await assertKnownDimensionValues(db, { persona: seed.persona, topic: seed.topic });
  for (const v of variations) await assertKnownDimensionValues(db, v);
  const name = request.name?.trim() || suggestedName(seed);

  return db.transaction(async (tx) => {
    const [template] = await tx
      .insert(templates)
      .values({
        key: await freeTemplateKey(tx, seed.conversationId),
        name,
        description: `Made from seed ${seed.conversationId} ("${seed.title}"): ${structure.turnCount} turns, its length pattern and style.`,
        tier: 'template',
        arcKey: seed.arcKey,
        applicablePersonas: [seed.persona],
      })
      .returning({ id: templates.id });
    await tx.insert(templateVersions).values({ templateId: template.id, version: 1, body: buildSeedTemplateBody(structure, seed), notes: `Made from seed ${seed.conversationId}`, createdBy: opts.userId });
    if (!variations.length) return { templateId: template.id, templateName: name, planned: 0, conversationIds: [] };

    await lockConversationNumbers(tx);
    const ids = await nextConversationIds(tx, variations.length);
    const labelsOf = await catalogLabels(tx);
    await tx.insert(conversations).values(
      variations.map((v, i) => {
        const slot = { persona: seed.persona, topic: seed.topic, ...v, tier: 'template' };
        return {
          conversationId: ids[i],
          ...slot,
          arcKey: seed.arcKey,
          templateId: template.id,
          templateVersion: 1,
          status: 'not_generated',
          metadata: { seedId: seed.conversationId },
          searchText: buildSearchText(ids[i], ...labelsOf(slot)),
        };
      }),
    );
    return { templateId: template.id, templateName: name, planned: ids.length, conversationIds: ids };
  });
}
