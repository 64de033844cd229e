import { and, eq } from 'drizzle-orm';
import type { OfflineSlot } from '../core/offline/compose';
import { notFound } from '../core/errors';
import type { PromptParameters } from '../core/prompt';
import type { Tier } from '../core/tiers';
import type { Db } from '../db/client';
import { chunks, conversations, dimensionValues, edgeCases, emotionalArcs, scenarios, templates, templateVersions } from '../db/schema';

export interface SlotContext {
  conversation: typeof conversations.$inferSelect;
  slot: OfflineSlot;
  parameters: PromptParameters;
  template: { id: string; version: number; body: string } | null;
}

/** Everything the prompt and the offline composer need to know about one conversation slot. */
export async function loadSlotContext(db: Db, conversationId: string): Promise<SlotContext> {
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  if (!conversation) throw notFound('The conversation');
  const values = await db.select().from(dimensionValues);
  const value = (dimension: string, key: string) => {
    const found = values.find((v) => v.dimension === dimension && v.key === key);
    return { key, label: found?.label ?? key, description: found?.description, attributes: found?.attributes ?? {} };
  };
  const [arc] = conversation.arcKey ? await db.select().from(emotionalArcs).where(eq(emotionalArcs.key, conversation.arcKey)) : [];
  const [scenario] = conversation.scenarioId ? await db.select().from(scenarios).where(eq(scenarios.id, conversation.scenarioId)) : [];
  const [edgeCase] = conversation.edgeCaseId ? await db.select().from(edgeCases).where(eq(edgeCases.id, conversation.edgeCaseId)) : [];
  const [chunk] = conversation.chunkId ? await db.select().from(chunks).where(eq(chunks.id, conversation.chunkId)) : [];
  const [template] = conversation.templateId
    ? await db
        .select({ id: templates.id, version: templateVersions.version, body: templateVersions.body })
        .from(templates)
        .innerJoin(templateVersions, and(eq(templateVersions.templateId, templates.id), eq(templateVersions.version, templates.currentVersion)))
        .where(eq(templates.id, conversation.templateId))
    : [];

  const persona = value('persona', conversation.persona);
  const expertise = persona.attributes.expertise as 'beginner' | 'intermediate' | 'advanced' | undefined;
  const keyTerms = chunk?.dimensions.key_terms ?? [];
  const slot: OfflineSlot = {
    persona: { key: persona.key, label: persona.label, description: persona.description, expertise },
    emotion: value('emotion', conversation.emotion),
    topic: value('topic', conversation.topic),
    intent: value('intent', conversation.intent),
    tone: value('tone', conversation.tone),
    tier: conversation.tier as Tier,
    arc: arc ? { key: arc.key, label: arc.label, startEmotion: arc.startEmotion, endEmotion: arc.endEmotion, stages: arc.stages } : null,
    scenario: scenario ? { title: scenario.title, problem: scenario.problem, solution: scenario.solution, outcome: scenario.outcome } : null,
    edgeCase: edgeCase
      ? { title: edgeCase.title, category: edgeCase.category, description: edgeCase.description, adversarialPrompt: edgeCase.adversarialPrompt }
      : null,
    chunk: chunk ? { content: chunk.content, summary: chunk.dimensions.summary, keyTerms, expertiseLevel: chunk.dimensions.expertise_level } : null,
  };
  const parameters: PromptParameters = {
    persona: persona.label,
    persona_description: persona.description,
    emotion: slot.emotion.label,
    topic: slot.topic.label,
    intent: slot.intent.label,
    tone: slot.tone.label,
    arc: arc?.label,
    arc_stages: arc?.stages.join(' → '),
    chunk_content: chunk?.content,
    chunk_summary: chunk?.dimensions.summary,
    key_terms: keyTerms.join(', '),
    audience_level: chunk?.dimensions.expertise_level ?? expertise,
    scenario_title: scenario?.title,
    scenario_problem: scenario?.problem,
    scenario_solution: scenario?.solution,
    scenario_outcome: scenario?.outcome,
    edge_case_title: edgeCase?.title,
    edge_case_description: edgeCase?.description,
    edge_case_category: edgeCase?.category,
  };
  return { conversation, slot, parameters, template: template ?? null };
}
