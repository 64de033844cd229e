import { isPromptParameter } from './prompt-parameters';

/** A placeholder name inside an optional block, and whether any slot can fill it. */
export interface InnerPlaceholder {
  name: string;
  known: boolean;
}

export type PlaceholderSpan =
  | { kind: 'text'; text: string; start: number }
  | {
      kind: 'placeholder';
      /** The placeholder exactly as written, braces included. */
      text: string;
      start: number;
      name: string;
      /** `{name?…}`: rendered only when `name` has a value. */
      optional: boolean;
      known: boolean;
      /** Plain `{other}` placeholders inside an optional block's text. */
      inner: InnerPlaceholder[];
    };

// The same grammar renderTemplate reads (src/core/prompt.ts), so what is highlighted is what renders.
const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)(\?((?:[^{}]|\{[a-z_][a-z0-9_]*\})*))?\}/gi;
const INNER = /\{([a-z_][a-z0-9_]*)\}/gi;

/**
 * Splits a template body into text and placeholder spans, in order, covering every character
 * once: the editor paints them over the text as it is typed and flags names no slot can fill.
 */
export function placeholderSpans(body: string): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  let at = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const start = match.index;
    if (start > at) spans.push({ kind: 'text', text: body.slice(at, start), start: at });
    const name = match[1];
    const inner = [...(match[3] ?? '').matchAll(INNER)].map((m) => ({ name: m[1], known: isPromptParameter(m[1]) }));
    spans.push({ kind: 'placeholder', text: match[0], start, name, optional: match[2] !== undefined, known: isPromptParameter(name), inner });
    at = start + match[0].length;
  }
  if (at < body.length) spans.push({ kind: 'text', text: body.slice(at), start: at });
  return spans;
}

/** Every placeholder name used (block names and the names inside blocks), in order of first use. */
export function placeholderNames(spans: readonly PlaceholderSpan[]): { name: string; known: boolean }[] {
  const seen = new Map<string, boolean>();
  for (const s of spans) {
    if (s.kind !== 'placeholder') continue;
    if (!seen.has(s.name)) seen.set(s.name, s.known);
    for (const i of s.inner) if (!seen.has(i.name)) seen.set(i.name, i.known);
  }
  return [...seen].map(([name, known]) => ({ name, known }));
}

/**
 * Braces that open a placeholder but never close it (`{persona` at the end of a line): the
 * renderer leaves them as text, which is rarely what was meant, so the editor warns.
 */
export function unclosedBraces(spans: readonly PlaceholderSpan[]): number {
  let count = 0;
  for (const s of spans) if (s.kind === 'text') count += [...s.text.matchAll(/\{[a-z_][a-z0-9_]*(?:\?[^}]*)?$|\{[a-z_][a-z0-9_]*(?=[\s\n])/gim)].length;
  return count;
}
