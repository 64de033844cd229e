import { and, eq, max, ne, count } from 'drizzle-orm';
import type { CreateTemplateBody, TemplateDetail, UpdateTemplateBody, UpdateTemplateResult } from '../contract/templates';
import { keyFromLabel, sameLabel, uniqueKey } from '../core/catalog-key';
import { AppError } from '../core/errors';
import { PROMPT_PARAMETER_NAMES, unknownPlaceholders } from '../core/prompt-parameters';
import type { Tier } from '../core/tiers';
import type { Db, Tx } from '../db/client';
import { findTemplate, findVersion, getTemplateDetail, hasSucceededTest } from '../db/queries/templates';
import { conversations, dimensionValues, emotionalArcs, settingsHistory, templates, templateVersions } from '../db/schema';
import { getSettings } from '../settings/workspace-settings';

/** Refuses a body with a placeholder no slot can fill, naming it and listing the ones there are. */
export function assertKnownPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (!unknown.length) return;
  throw new AppError({
    code: 'unknown_placeholder',
    status: 400,
    message: `The template uses ${unknown.map((n) => `{${n}}`).join(', ')}, which no conversation can fill.`,
    hint: `Use the placeholders there are: ${PROMPT_PARAMETER_NAMES.map((n) => `{${n}}`).join(', ')} (or write {name?text} for text that appears only when name has a value).`,
    details: { field: 'body', unknown, known: PROMPT_PARAMETER_NAMES },
  });
}

/** Personas and emotions a template applies to must be in the catalog (inactive ones too: a template may outlive a season). */
async function assertCatalogKeys(tx: Db | Tx, input: { applicablePersonas?: string[]; applicableEmotions?: string[] }) {
  for (const [field, dimension] of [
    ['applicablePersonas', 'persona'],
    ['applicableEmotions', 'emotion'],
  ] as const) {
    const keys = input[field];
    if (!keys?.length) continue;
    const known = new Set((await tx.select({ key: dimensionValues.key }).from(dimensionValues).where(eq(dimensionValues.dimension, dimension))).map((r) => r.key));
    const unknown = keys.filter((k) => !known.has(k));
    if (unknown.length) {
      throw new AppError({
        code: 'unknown_dimension_value',
        status: 400,
        message: `${field === 'applicablePersonas' ? 'Personas' : 'Emotions'} ${unknown.map((k) => `"${k}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the catalog.`,
        hint: known.size ? `Use keys from the Catalog page, such as ${[...known].slice(0, 8).join(', ')}.` : `Add ${dimension} values on the Catalog page first, or leave ${field} empty (the template then applies to all).`,
        details: { field, unknown },
      });
    }
  }
}

async function assertArc(tx: Db | Tx, tier: Tier, arcKey: string | null | undefined) {
  if (!arcKey) return;
  if (tier !== 'template') {
    throw new AppError({ code: 'invalid_request', status: 400, message: 'Only template-tier templates follow an emotional arc.', hint: 'Leave arcKey out (or null), or choose the template tier.', details: { field: 'arcKey' } });
  }
  const [arc] = await tx.select({ key: emotionalArcs.key }).from(emotionalArcs).where(eq(emotionalArcs.key, arcKey));
  if (!arc) {
    const keys = (await tx.select({ key: emotionalArcs.key }).from(emotionalArcs)).map((a) => a.key);
    throw new AppError({ code: 'unknown_arc', status: 400, message: `There is no emotional arc "${arcKey}".`, hint: `Use one of: ${keys.join(', ') || '(none yet)'}, or leave arcKey empty for any arc.`, details: { field: 'arcKey', allowed: keys } });
  }
}

async function assertFreeName(tx: Db | Tx, name: string, exceptId?: string) {
  const rows = await tx.select({ id: templates.id, name: templates.name, key: templates.key }).from(templates).where(exceptId ? ne(templates.id, exceptId) : undefined);
  const clash = rows.find((r) => sameLabel(r.name, name));
  if (clash) {
    throw new AppError({
      code: 'duplicate_template_name',
      status: 409,
      message: `There is already a template named "${clash.name}".`,
      hint: `Open "${clash.name}" on the Templates page and save a new version of it, or choose another name.`,
      details: { field: 'name', existing: { id: clash.id, name: clash.name, key: clash.key } },
    });
  }
}

/** A line in the settings change history, the workspace's audit trail of configuration. */
async function audit(tx: Tx, userId: string | null, key: string, field: string, from: unknown, to: unknown) {
  await tx.insert(settingsHistory).values({ key: `template:${key}.${field}`, oldValue: from ?? null, newValue: to ?? null, changedBy: userId });
}

/**
 * A new template with version 1. It starts active — a template someone just wrote is meant to
 * be used, nothing has been made with it yet, and the planner only picks active ones — unless
 * the workspace requires a successful test before activation: then it waits, inactive, for one.
 */
export async function createTemplate(db: Db, input: CreateTemplateBody, userId: string | null): Promise<TemplateDetail> {
  assertKnownPlaceholders(input.body);
  const requireTest = (await getSettings(db)).templates.requireTestBeforeActivation;
  const id = await db.transaction(async (tx) => {
    await assertFreeName(tx, input.name);
    await assertArc(tx, input.tier, input.arcKey);
    await assertCatalogKeys(tx, input);
    const taken = new Set((await tx.select({ key: templates.key }).from(templates)).map((t) => t.key));
    const key = uniqueKey(keyFromLabel(input.name) || 'template', taken);
    const [row] = await tx
      .insert(templates)
      .values({
        key,
        name: input.name,
        description: input.description ?? '',
        tier: input.tier,
        arcKey: input.arcKey ?? null,
        active: !requireTest,
        currentVersion: 1,
        applicablePersonas: input.applicablePersonas ?? [],
        applicableEmotions: input.applicableEmotions ?? [],
      })
      .returning({ id: templates.id });
    await tx.insert(templateVersions).values({ templateId: row.id, version: 1, body: input.body, notes: input.notes || 'First version', createdBy: userId });
    await audit(tx, userId, key, 'created', null, { name: input.name, tier: input.tier, active: !requireTest });
    return row.id;
  });
  return getTemplateDetail(db, id);
}

/**
 * Metadata changes apply at once; a body change saves a new version (a draft: generation keeps
 * using the active version until this one is activated). A body identical to the newest
 * version saves nothing.
 */
export async function updateTemplate(db: Db, id: string, patch: UpdateTemplateBody, userId: string | null): Promise<UpdateTemplateResult> {
  if (patch.body !== undefined) assertKnownPlaceholders(patch.body);
  const savedVersion = await db.transaction(async (tx) => {
    const row = await findTemplate(tx, id);
    if (patch.name !== undefined) await assertFreeName(tx, patch.name, id);
    const tier = patch.tier ?? (row.tier as Tier);
    const arcKey = patch.arcKey !== undefined ? patch.arcKey : tier === 'template' ? row.arcKey : null;
    await assertArc(tx, tier, arcKey);
    await assertCatalogKeys(tx, patch);
    const meta = {
      name: patch.name,
      description: patch.description,
      tier: patch.tier,
      arcKey: patch.arcKey !== undefined || patch.tier !== undefined ? arcKey : undefined,
      applicablePersonas: patch.applicablePersonas,
      applicableEmotions: patch.applicableEmotions,
    };
    await tx.update(templates).set({ ...meta, updatedAt: new Date() }).where(eq(templates.id, id));
    for (const [field, value] of Object.entries(meta)) {
      const before = row[field as keyof typeof row];
      if (value !== undefined && JSON.stringify(value) !== JSON.stringify(before)) await audit(tx, userId, row.key, field, before, value);
    }
    if (patch.body === undefined) return null;
    const [{ latest }] = await tx.select({ latest: max(templateVersions.version) }).from(templateVersions).where(eq(templateVersions.templateId, id));
    const newest = latest ? await findVersion(tx, id, latest) : null;
    if (newest && newest.body === patch.body) return null;
    const version = (latest ?? 0) + 1;
    await tx.insert(templateVersions).values({ templateId: id, version, body: patch.body, notes: patch.notes || null, createdBy: userId });
    return version;
  });
  return { template: await getTemplateDetail(db, id), savedVersion };
}

/**
 * Makes `version` the one generation uses and turns the template on: activating a newer draft,
 * rolling back to an older version, or reactivating. With "require a test before activation",
 * a version other than the current one needs a successful test first.
 */
export async function activateTemplate(db: Db, id: string, version: number, userId: string | null): Promise<TemplateDetail> {
  const requireTest = (await getSettings(db)).templates.requireTestBeforeActivation;
  await db.transaction(async (tx) => {
    const row = await findTemplate(tx, id);
    const target = await findVersion(tx, id, version);
    if (!target) {
      const [{ latest }] = await tx.select({ latest: max(templateVersions.version) }).from(templateVersions).where(eq(templateVersions.templateId, id));
      throw new AppError({
        code: 'unknown_version',
        status: 400,
        message: `"${row.name}" has no version ${version}.`,
        hint: `Choose a version from 1 to ${latest ?? 1} (GET /api/templates/${id}/versions lists them).`,
        details: { field: 'version', latest: latest ?? 1 },
      });
    }
    if (requireTest && version !== row.currentVersion && !(await hasSucceededTest(tx, id, version))) {
      throw new AppError({
        code: 'test_required',
        status: 409,
        message: `Version ${version} of "${row.name}" has not been tested, and this workspace requires a successful test before a version is activated.`,
        hint: 'Click "Test template" for this version (POST /api/templates/:id/test with { "version": N }), then activate it. An admin can turn the rule off in Settings.',
        details: { version, field: 'version' },
      });
    }
    await tx.update(templates).set({ currentVersion: version, active: true, updatedAt: new Date() }).where(eq(templates.id, id));
    if (row.currentVersion !== version) await audit(tx, userId, row.key, 'activeVersion', row.currentVersion, version);
    if (!row.active) await audit(tx, userId, row.key, 'active', false, true);
  });
  return getTemplateDetail(db, id);
}

/** Turns a template off: new plans skip it; conversations already planned with it keep it. */
export async function deactivateTemplate(db: Db, id: string, userId: string | null): Promise<TemplateDetail> {
  await db.transaction(async (tx) => {
    const row = await findTemplate(tx, id);
    if (!row.active) return;
    await tx.update(templates).set({ active: false, updatedAt: new Date() }).where(eq(templates.id, id));
    await audit(tx, userId, row.key, 'active', true, false);
  });
  return getTemplateDetail(db, id);
}

/**
 * Deletes a template no conversation uses, with its versions and tests. One in use is kept —
 * those conversations would lose the record of what made them — and can be deactivated instead.
 */
export async function deleteTemplate(db: Db, id: string, userId: string | null): Promise<{ deleted: string }> {
  return db.transaction(async (tx) => {
    const row = await findTemplate(tx, id);
    const [{ used }] = await tx.select({ used: count() }).from(conversations).where(eq(conversations.templateId, id));
    if (used > 0) {
      throw new AppError({
        code: 'template_in_use',
        status: 409,
        message: `"${row.name}" is used by ${used} conversation${used === 1 ? '' : 's'}, so it cannot be deleted.`,
        hint: 'Deactivate it instead: those conversations keep their template and version, and new plans no longer use it.',
        details: { usageCount: Number(used), canDeactivate: row.active },
      });
    }
    await tx.delete(templates).where(and(eq(templates.id, id)));
    await audit(tx, userId, row.key, 'deleted', { name: row.name, tier: row.tier, versions: row.currentVersion }, null);
    return { deleted: row.key };
  });
}

