import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../core/statuses';
import { TIERS } from '../core/tiers';

const byStatus = z.object(Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, z.number()])) as Record<(typeof CONVERSATION_STATUSES)[number], z.ZodNumber>);

export const tierArcRow = z.object({
  key: z.string(),
  label: z.string(),
  enabled: z.boolean(),
  percent: z.number(),
  /** Template conversations following this arc, planned or generated. */
  count: z.number(),
  /** Of those, the ones with text (generated, approved or rejected). */
  generated: z.number(),
  approved: z.number(),
  /** This arc's share of the template tier's target, by largest remainders. */
  target: z.number(),
});

export const tierSection = z.object({
  tier: z.enum(TIERS),
  label: z.string(),
  /** Conversation slots in this tier, whatever their status. */
  total: z.number(),
  byStatus,
  /** Slots with text: generated, approved or rejected. */
  generated: z.number(),
  /** How many this tier should hold: the workspace's tier split applied to its size (40/35/15 for up to 90). */
  target: z.number(),
  /** Where the tier is configured (the arcs page, the scenario library, the edge-case library). */
  configLink: z.string(),
});
export type TierSection = z.infer<typeof tierSection>;

export const tierCoverage = z.object({
  personas: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Template conversations per persona × enabled arc, zeros included. */
  cells: z.array(z.object({ persona: z.string(), arc: z.string(), count: z.number() })),
  missing: z.array(z.object({ persona: z.string(), arc: z.string() })),
});

export const tiersOverview = z.object({
  items: z.array(tierSection),
  template: z.object({
    byArc: z.array(tierArcRow),
    /** "8 Triumph, 8 Struggle-to-Success, …": the arcs' counts as they stand. */
    distributionText: z.string(),
    coverage: tierCoverage,
  }),
  /** Conversations in the workspace, all tiers. */
  total: z.number(),
});
export type TiersOverview = z.infer<typeof tiersOverview>;

/** `POST /api/tiers/template/fill[/preview]`: no options today; a seed makes the plan repeatable. */
export const fillTemplateRequest = z.object({ seed: z.number().int().min(0).max(2 ** 31).optional() }).strict();
export type FillTemplateRequest = z.infer<typeof fillTemplateRequest>;

export const fillTemplatePlan = z.object({
  /** How many slots the fill plans (preview) or planned (fill). */
  count: z.number(),
  byArc: z.record(z.string(), z.number()),
  byPersona: z.record(z.string(), z.number()),
  /** Persona × arc combinations that had no template conversation and get one. */
  combinations: z.array(z.object({ persona: z.string(), arc: z.string() })),
  /** Arcs below their share of the template target and how many each gets to reach it. */
  belowTarget: z.array(z.object({ arc: z.string(), count: z.number(), target: z.number(), adding: z.number() })),
  warnings: z.array(z.string()),
  /** The new conversations' ids (only after a fill), for "Generate them now". */
  conversationIds: z.array(z.string()),
});
export type FillTemplatePlan = z.infer<typeof fillTemplatePlan>;
