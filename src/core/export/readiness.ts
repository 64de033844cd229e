import { systemPromptOf } from './checks';
import type { ExportOptions, FormatId } from './record';

/**
 * Common base models whose own chat template raises on a system message ("System role not
 * supported"), as their published templates do. Gemma 3's template folds a system message into
 * the first user turn by itself, so it is not one of them.
 */
export const SYSTEM_ROLE_REFUSED_BY = ['Gemma', 'Gemma 2'] as const;

/** The option's name as the export dialog shows it; messages point to it. */
export const FOLD_OPTION_LABEL = 'Fold the system prompt into the first user turn';

/**
 * Formats trained through the base model's own chat template (TRL and Axolotl apply it), where
 * a template that refuses a role stops training. OpenAI and Bedrock train their own models.
 */
const TEMPLATE_FORMATS: readonly FormatId[] = ['hf', 'sharegpt'];

const list = (names: readonly string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/**
 * What keeps an export that passes the format's rules from being ready for every common base
 * model, in plain English with the fix; empty when nothing does. The full check against a
 * chosen model's template is the trainer preflight's job.
 */
export function readinessWarnings(format: FormatId, options: ExportOptions | undefined): string[] {
  if (!TEMPLATE_FORMATS.includes(format) || systemPromptOf(options) === undefined || options?.foldSystemPrompt === true) return [];
  return [
    `The ${list(SYSTEM_ROLE_REFUSED_BY)} chat templates refuse a system role, so every line with the system prompt fails on those base models: turn on "${FOLD_OPTION_LABEL}" to train them.`,
  ];
}
