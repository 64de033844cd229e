import { AppError } from './errors';

/**
 * Prompt templates use `{name}` placeholders and conditional `{name?text}` blocks, which
 * render `text` only when `name` has a value. The text of a block may hold plain `{other}`
 * placeholders (not further blocks), so optional material such as a value's guidance can
 * appear with its own heading. Rendering is a single pass, so a value that itself contains
 * braces is never re-interpreted as a placeholder.
 */
const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)(\?((?:[^{}]|\{[a-z_][a-z0-9_]*\})*))?\}/gi;
const INNER_PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/gi;

export type PromptParameters = Record<string, string | undefined | null>;

export interface TemplateParameterUse {
  required: string[];
  optional: string[];
}

/** Which parameters a template uses: unconditional ones are required, `{x?…}` ones optional. */
export function templateParameters(body: string): TemplateParameterUse {
  const required = new Set<string>();
  const optional = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    (match[2] !== undefined ? optional : required).add(match[1]);
    // Placeholders inside an optional block are optional too: the block may be left out.
    for (const inner of (match[3] ?? '').matchAll(INNER_PLACEHOLDER)) optional.add(inner[1]);
  }
  for (const name of required) optional.delete(name);
  return { required: [...required], optional: [...optional] };
}

/** Control characters other than newline and tab would corrupt a prompt; curly quotes are fine. */
export function escapeParameterValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}

const hasValue = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** Renders a template, or throws one error naming every missing required parameter. */
export function renderTemplate(body: string, params: PromptParameters): string {
  const { required } = templateParameters(body);
  const missing = required.filter((name) => !hasValue(params[name]));
  if (missing.length) {
    throw new AppError({
      code: 'template_missing_parameters',
      status: 422,
      message: `The prompt template needs ${missing.map((m) => `{${m}}`).join(', ')}, but this conversation has no value for ${missing.length === 1 ? 'it' : 'them'}.`,
      hint: 'Fill in the missing fields of the conversation (or its source chunk), or edit the template so the parameter is optional with {name?text}.',
      details: { missing },
    });
  }
  return body.replace(PLACEHOLDER, (_whole, name: string, conditional: string | undefined, text: string | undefined) => {
    const value = params[name];
    if (conditional !== undefined) {
      if (!hasValue(value)) return '';
      return (text ?? '').replace(INNER_PLACEHOLDER, (_inner, innerName: string) => {
        const innerValue = params[innerName];
        return hasValue(innerValue) ? escapeParameterValue(innerValue) : '';
      });
    }
    return escapeParameterValue(value as string);
  });
}

/** The heading of the block a regenerated conversation's prompt ends with. */
export const REVIEWER_GUIDANCE_HEADING = 'Reviewer guidance from a rejected version:';

/**
 * Reject and regenerate: the reviewer's note on the rejected version, appended to the prompt
 * whatever the template, so every template (and the general prompt) carries it the same way.
 * No guidance leaves the prompt as it is.
 */
export function withReviewerGuidance(prompt: string, guidance: string | null | undefined): string {
  const note = guidance ? escapeParameterValue(guidance) : '';
  if (!note) return prompt;
  return `${prompt.trimEnd()}\n\n${REVIEWER_GUIDANCE_HEADING} ${note}\nAn earlier version of this conversation was rejected for this reason. Write a new conversation for the same slot that fixes it.`;
}
