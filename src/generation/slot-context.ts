import { and, eq, inArray } from 'drizzle-orm';
import type { OfflineSlot } from '../core/offline/compose';
import { notFound } from '../core/errors';
import { renderTemplate, withReviewerGuidance, type PromptParameters } from '../core/prompt';
import { FALLBACK_TEMPLATE } from '../core/system-prompt';
import type { PromptParameterName } from '../core/prompt-parameters';
import type { Tier } from '../core/tiers';
import type { Db } from '../db/client';
import { chunks, conversations, type ChunkDimensions, dimensionValues, edgeCases, emotionalArcs, scenarios, templates, templateVersions } from '../db/schema';

export interface SlotContext {
  conversation: typeof conversations.$inferSelect;
  slot: OfflineSlot;
  parameters: PromptParameters;
  template: { id: string; version: number; body: string; name: string } | null;
}

type DimensionRow = typeof dimensionValues.$inferSelect;

/**
 * Dimension labels change rarely but are needed for every item: a worker reads them at most
 * once a few seconds instead of once per conversation.
 */
const CATALOG_TTL_MS = 5000;
const catalogCache = new WeakMap<Db, { at: number; values: Promise<Map<string, DimensionRow>> }>();

/** Drops the cached labels after a catalog edit, so the next item uses the new wording and guidance. */
export function forgetCatalogLabels(db: Db): void {
  catalogCache.delete(db);
}

/** The catalog's values by `dimension:key` (cached a few seconds), for building prompt parameters. */
export function dimensionLookup(db: Db): Promise<Map<string, DimensionRow>> {
  const cached = catalogCache.get(db);
  if (cached && Date.now() - cached.at < CATALOG_TTL_MS) return cached.values;
  // The promise is cached, so items starting together share one read.
  const values = db
    .select()
    .from(dimensionValues)
    .then((rows) => new Map(rows.map((v) => [`${v.dimension}:${v.key}`, v])));
  catalogCache.set(db, { at: Date.now(), values });
  values.catch(() => catalogCache.delete(db));
  return values;
}

/**
 * The prompt a slot is generated from: its template (or the general prompt) filled with its
 * parameters, then the reviewer's guidance when it replaces a rejected conversation.
 */
export function promptOf(context: SlotContext): string {
  return withReviewerGuidance(renderTemplate(context.template?.body ?? FALLBACK_TEMPLATE, context.parameters), context.conversation.regenerationGuidance);
}

/** Everything the prompt and the offline composer need to know about one conversation slot. */
export async function loadSlotContext(db: Db, conversationId: string): Promise<SlotContext> {
  const context = (await loadSlotContexts(db, [conversationId])).get(conversationId);
  if (!context) throw notFound('The conversation');
  return context;
}

/**
 * The slot contexts of several conversations, by conversation id, in one query plus cached
 * labels: a worker loads the contexts of the items it claims together, because planning this
 * join costs more than running it.
 */
export async function loadSlotContexts(db: Db, conversationIds: string[]): Promise<Map<string, SlotContext>> {
  if (!conversationIds.length) return new Map();
  const rows = await db
    .select({
      conversation: conversations,
      arc: emotionalArcs,
      scenario: scenarios,
      edgeCase: edgeCases,
      chunk: chunks,
      template: { id: templates.id, version: templateVersions.version, body: templateVersions.body, name: templates.name },
    })
    .from(conversations)
    .leftJoin(emotionalArcs, eq(emotionalArcs.key, conversations.arcKey))
    .leftJoin(scenarios, eq(scenarios.id, conversations.scenarioId))
    .leftJoin(edgeCases, eq(edgeCases.id, conversations.edgeCaseId))
    .leftJoin(chunks, eq(chunks.id, conversations.chunkId))
    .leftJoin(templates, eq(templates.id, conversations.templateId))
    .leftJoin(templateVersions, and(eq(templateVersions.templateId, templates.id), eq(templateVersions.version, templates.currentVersion)))
    .where(inArray(conversations.id, conversationIds));
  const values = await dimensionLookup(db);
  return new Map(rows.map((row) => [row.conversation.id, contextOf(row, values)]));
}

type ContextRow = {
  conversation: typeof conversations.$inferSelect;
  arc: typeof emotionalArcs.$inferSelect | null;
  scenario: typeof scenarios.$inferSelect | null;
  edgeCase: typeof edgeCases.$inferSelect | null;
  chunk: typeof chunks.$inferSelect | null;
  template: { id: string | null; version: number | null; body: string | null; name: string | null } | null;
};

function contextOf(row: ContextRow, values: Map<string, DimensionRow>): SlotContext {
  const { conversation } = row;
  const template = row.template?.id && row.template.body ? row.template : null;
  // The chunk as it is, or as it was when the conversation was planned if it has since been re-chunked away.
  const snapshot = conversation.sourceSnapshot;
  const source = row.chunk ?? (snapshot ? { content: snapshot.content, dimensions: snapshot.dimensions as ChunkDimensions } : null);
  const { slot, parameters } = slotParameters({ ...conversation, tier: conversation.tier as Tier, arc: row.arc, scenario: row.scenario, edgeCase: row.edgeCase, source }, values);
  return { conversation, slot, parameters, template: template as SlotContext['template'] };
}

/** What a slot is made of: its dimension keys, tier and sources. A sample slot (a template test) has no conversation row. */
export interface SlotParts {
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  tier: Tier;
  arc: typeof emotionalArcs.$inferSelect | null;
  scenario: typeof scenarios.$inferSelect | null;
  edgeCase: typeof edgeCases.$inferSelect | null;
  source: { content: string; dimensions: ChunkDimensions } | null;
}

/** The offline composer's slot and every prompt parameter, from a slot's parts and the catalog's labels and guidance. */
export function slotParameters(parts: SlotParts, values: Map<string, DimensionRow>): { slot: OfflineSlot; parameters: PromptParameters } {
  const { arc, scenario, edgeCase, source } = parts;
  const value = (dimension: string, key: string) => {
    const found = values.get(`${dimension}:${key}`);
    return { key, label: found?.label ?? key, description: found?.description, guidance: found?.guidance, attributes: found?.attributes ?? {} };
  };

  // The offline composer takes the value without its prompt guidance.
  const label = ({ guidance: _guidance, ...rest }: ReturnType<typeof value>) => rest;
  const persona = value('persona', parts.persona);
  const emotion = value('emotion', parts.emotion);
  const topic = value('topic', parts.topic);
  const intent = value('intent', parts.intent);
  const tone = value('tone', parts.tone);
  const expertise = persona.attributes.expertise as 'beginner' | 'intermediate' | 'advanced' | undefined;
  const dims: ChunkDimensions = source?.dimensions ?? {};
  const keyTerms = Array.isArray(dims.key_terms) ? dims.key_terms : [];
  const slot: OfflineSlot = {
    persona: { key: persona.key, label: persona.label, description: persona.description, expertise },
    emotion: label(emotion),
    topic: label(topic),
    intent: label(intent),
    tone: label(tone),
    tier: parts.tier,
    arc: arc ? { key: arc.key, label: arc.label, startEmotion: arc.startEmotion, endEmotion: arc.endEmotion, stages: arc.stages } : null,
    scenario: scenario ? { title: scenario.title, problem: scenario.problem, solution: scenario.solution, outcome: scenario.outcome } : null,
    edgeCase: edgeCase
      ? { title: edgeCase.title, category: edgeCase.category, description: edgeCase.description, adversarialPrompt: edgeCase.adversarialPrompt }
      : null,
    chunk: source ? { content: source.content, summary: dims.summary, keyTerms, expertiseLevel: dims.expertise_level } : null,
  };
  // Typed against the list the template editor checks placeholders with, so the two never drift apart.
  const parameters: Record<PromptParameterName, string | undefined | null> = {
    persona: persona.label,
    persona_description: persona.description,
    emotion: slot.emotion.label,
    topic: slot.topic.label,
    intent: slot.intent.label,
    tone: slot.tone.label,
    // Each value's guidance: how the persona speaks, how the emotion shows, what the tone sounds like.
    persona_guidance: persona.guidance,
    emotion_guidance: emotion.guidance,
    topic_guidance: topic.guidance,
    intent_guidance: intent.guidance,
    tone_guidance: tone.guidance,
    arc: arc?.label,
    arc_stages: arc?.stages.join(' → '),
    chunk_content: source?.content,
    chunk_summary: dims.summary,
    key_terms: keyTerms.join(', '),
    // Derived dimensions name the audience; a chunk analysed before they did gives its expertise, and none the persona's.
    audience_level: dims.audience_level ?? dims.expertise_level ?? expertise,
    expertise_level: dims.expertise_level ?? expertise,
    emotional_valence: dims.emotional_valence,
    scenario_title: scenario?.title,
    scenario_problem: scenario?.problem,
    scenario_solution: scenario?.solution,
    scenario_outcome: scenario?.outcome,
    edge_case_title: edgeCase?.title,
    edge_case_description: edgeCase?.description,
    edge_case_category: edgeCase?.category,
    edge_case_prompt: edgeCase?.adversarialPrompt,
    edge_case_expected: edgeCase?.expectedBehavior,
  };
  return { slot, parameters: parameters as PromptParameters };
}
