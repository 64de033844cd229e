import { AppError } from '../core/errors';
import { SYSTEM_PROMPT } from '../core/system-prompt';
import type { Db } from '../db/client';
import { loadSlotContext, promptOf } from './slot-context';

/**
 * The exact prompt a generation would send, for the "view prompt" debug view. A template with
 * missing parameters is shown with the names it lacks instead of failing.
 */
export async function resolvePrompt(db: Db, conversationId: string) {
  const context = await loadSlotContext(db, conversationId);
  const parameters = Object.fromEntries(Object.entries(context.parameters).map(([k, v]) => [k, v ?? null]));
  try {
    const prompt = promptOf(context);
    return { system: SYSTEM_PROMPT, prompt, template: context.template ? { id: context.template.id, version: context.template.version, name: context.template.name } : null, parameters, missing: [] };
  } catch (err) {
    if (err instanceof AppError && err.code === 'template_missing_parameters') {
      return { system: SYSTEM_PROMPT, prompt: '', template: context.template ? { id: context.template.id, version: context.template.version, name: context.template.name } : null, parameters, missing: (err.details?.missing as string[]) ?? [] };
    }
    throw err;
  }
}
