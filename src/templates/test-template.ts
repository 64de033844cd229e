import { eq, max } from 'drizzle-orm';
import type { PreviewTemplateBody, SampleSlotInput, TemplatePreview, TemplateTestResult } from '../contract/templates';
import { AppError } from '../core/errors';
import { parseGeneratedConversation } from '../core/output';
import { costOf, estimateTokens, priceOf } from '../core/pricing';
import { renderTemplate, templateParameters } from '../core/prompt';
import { unknownPlaceholders } from '../core/prompt-parameters';
import { ProviderError } from '../core/provider-errors';
import { assessConversation } from '../core/quality';
import { SYSTEM_PROMPT } from '../core/system-prompt';
import type { Tier } from '../core/tiers';
import type { Db } from '../db/client';
import { baselineOf, findTemplate, findVersion, getTemplateTest, presentTest } from '../db/queries/templates';
import { templateTests, templateVersions } from '../db/schema';
import type { ProviderSource } from '../generation/choose-provider';
import { providerLimiter } from '../generation/provider-limiters';
import { qualityContextOf } from '../generation/quality-context';
import { limiterKeyOf } from '../generation/run-runtime';
import { providerFailure } from '../core/provider-failure';
import { getSettings } from '../settings/workspace-settings';
import { sampleContext } from './sample-slot';

const hasValue = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';

/** The live preview: a body rendered with a sample slot, with what it lacks and what no slot can fill. */
export async function previewTemplate(db: Db, input: PreviewTemplateBody): Promise<TemplatePreview> {
  const sample = await sampleContext(db, { tier: input.tier ?? 'template', arcKey: input.arcKey ?? null, applicablePersonas: [], applicableEmotions: [] }, input.slot);
  const missing = templateParameters(input.body).required.filter((name) => !hasValue(sample.parameters[name]));
  const prompt = missing.length ? '' : renderTemplate(input.body, sample.parameters);
  return {
    prompt,
    missing,
    unknown: unknownPlaceholders(input.body),
    parameters: Object.fromEntries(Object.entries(sample.parameters).map(([k, v]) => [k, v ?? null])),
    slot: sample.sample,
  };
}

/**
 * "Test template" (US7.2.2): renders one version with a sample slot, sends ONE request through
 * the configured provider (paced by the same rate limiter as runs), scores the answer and
 * stores the test — never a conversation: the dataset changes only if the user keeps it. A
 * provider failure is stored as a failed test and answered as an error the user can act on.
 */
export async function runTemplateTest(
  db: Db,
  providers: ProviderSource,
  templateId: string,
  input: { version?: number; slot?: SampleSlotInput },
  userId: string | null,
): Promise<TemplateTestResult> {
  const template = await findTemplate(db, templateId);
  const [{ latest }] = await db.select({ latest: max(templateVersions.version) }).from(templateVersions).where(eq(templateVersions.templateId, templateId));
  const versionNumber = input.version ?? latest ?? template.currentVersion;
  const version = await findVersion(db, templateId, versionNumber);
  if (!version) {
    throw new AppError({ code: 'unknown_version', status: 400, message: `"${template.name}" has no version ${versionNumber}.`, hint: `Choose a version from 1 to ${latest ?? 1}.`, details: { field: 'version', latest: latest ?? 1 } });
  }
  const sample = await sampleContext(db, { tier: template.tier as Tier, arcKey: template.arcKey, applicablePersonas: template.applicablePersonas, applicableEmotions: template.applicableEmotions }, input.slot);
  // Missing parameters answer 422 naming them, before anything is sent or stored.
  const prompt = renderTemplate(version.body, sample.parameters);
  const settings = await getSettings(db);
  const provider = await providers.current();
  const limiter = providerLimiter(limiterKeyOf(provider), settings.generation);
  const started = Date.now();
  const record = async (values: Partial<typeof templateTests.$inferInsert>) => {
    const [row] = await db
      .insert(templateTests)
      .values({ templateId, version: versionNumber, slot: sample.sample as unknown as Record<string, unknown>, prompt, provider: provider.info.name, model: provider.info.model, createdBy: userId, status: 'failed', ...values })
      .returning();
    return row;
  };
  // The baseline reads every conversation of the template: read it while the provider thinks, not after.
  const baselinePromise = baselineOf(db, templateId, template.currentVersion);
  baselinePromise.catch(() => undefined);
  const baseline = () => baselinePromise;

  const release = await limiter.acquire({ inputTokens: estimateTokens(SYSTEM_PROMPT) + estimateTokens(prompt), outputTokens: Math.min(settings.generation.maxTokens, 1600) });
  try {
    const result = await provider.generate({ system: SYSTEM_PROMPT, prompt, slot: sample.slot, seed: Math.floor(Math.random() * 2 ** 31), maxTokens: settings.generation.maxTokens, temperature: settings.generation.temperature });
    limiter.onSuccess();
    release({ inputTokens: result.usage.inputTokens + result.usage.cacheReadTokens + result.usage.cacheWriteTokens, outputTokens: result.usage.outputTokens }, result.announced ?? null);
    const cost = costOf(priceOf(provider.info.model) ? provider.info.model : result.model, result.usage);
    const parsed = parseGeneratedConversation(result.output);
    if (!parsed.ok) throw new ProviderError('malformed_output', `The model's answer was not a valid conversation (${parsed.problem}).`, { raw: result.raw, usage: result.usage });
    // Scored as a run would score it: against the sample slot's topic, intent, arc and source chunk.
    const { quality, grounding } = assessConversation(parsed.value.turns, parsed.value.confidence, await qualityContextOf(db, sample.slot));
    const row = await record({
      status: 'succeeded',
      turns: parsed.value.turns.map(({ role, content }) => ({ role, content })),
      qualityScore: quality.score,
      // The grounding rides along, so a test kept in the dataset has it as a generated one would.
      qualityBreakdown: { ...quality, title: parsed.value.title, grounding } as unknown as Record<string, unknown>,
      model: result.model,
      costUsd: cost,
      durationMs: Date.now() - started,
    });
    return presentTest({ ...row, authorName: null }, await baseline());
  } catch (err) {
    if (!(err instanceof ProviderError)) {
      release();
      throw err;
    }
    release(err.opts.usage ? { inputTokens: err.opts.usage.inputTokens, outputTokens: err.opts.usage.outputTokens } : undefined, err.opts.announced ?? undefined);
    if (err.kind === 'rate_limited') limiter.onRateLimited(err.opts.retryAfterMs);
    const billed = err.opts.usage ? costOf(provider.info.model, err.opts.usage) : 0;
    const row = await record({ status: 'failed', errorMessage: `${err.kind}: ${err.message}`, costUsd: billed, durationMs: Date.now() - started });
    const failure = providerFailure(err, 'The test request failed');
    throw new AppError({ code: failure.code, status: failure.status, message: failure.message, hint: failure.hint, retryable: failure.retryable, details: { ...failure.details, testId: row.id } });
  }
}

export { getTemplateTest };
