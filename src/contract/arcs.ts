import { z } from 'zod';

const arcKey = z.string().min(1).max(64);
const percent = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100, 'must be at most 100');

/** One emotional arc of the template tier, with its share (percent of the tier when enabled). */
export const arcItem = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  startEmotion: z.string(),
  endEmotion: z.string(),
  stages: z.array(z.string()),
  minTurns: z.number(),
  maxTurns: z.number(),
  enabled: z.boolean(),
  percent: z.number(),
  /** Whether convgen ships it (Reset brings these back); arcs the team added are not built in. */
  builtIn: z.boolean(),
});
export type ArcItem = z.infer<typeof arcItem>;
export const arcList = z.object({ items: z.array(arcItem) });
export type ArcList = z.infer<typeof arcList>;

export const arcShare = z.object({ key: arcKey, enabled: z.boolean(), percent }).strict();

/**
 * `PUT /api/arcs`: the whole distribution at once. Every arc listed is set; an arc not listed keeps
 * its setting. The enabled arcs (after the change) must add up to exactly 100.
 */
export const putArcs = z
  .object({
    // Labels may be sent back as read (GET's shape): they are accepted and ignored, arcs are renamed nowhere here.
    items: z.array(arcShare.extend({ label: z.string().optional() }).strict()).min(1, 'must list at least one arc').max(200),
  })
  .strict();
export type PutArcs = z.infer<typeof putArcs>;

export const arcPreset = z.object({
  id: z.number(),
  name: z.string(),
  distribution: z.array(z.object({ key: z.string(), enabled: z.boolean(), percent: z.number() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ArcPreset = z.infer<typeof arcPreset>;
export const arcPresetList = z.object({ items: z.array(arcPreset) });
export type ArcPresetList = z.infer<typeof arcPresetList>;

export const createArcPreset = z.object({ name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters') }).strict();
export type CreateArcPreset = z.infer<typeof createArcPreset>;
export const arcPresetParams = z.object({ id: z.coerce.number().int().positive('must be a preset id') });
export const deletedArcPreset = z.object({ deleted: z.literal(true), id: z.number() });
