import type { z } from 'zod';
import { toQueryString } from './api';

/**
 * URLs read like the API's query strings (`?persona=a,b&page=2`), so a shared link or a
 * bookmarked view reopens exactly, and the same string can be sent to the API.
 */
export function parseSearch(search: string): Record<string, unknown> {
  return Object.fromEntries(new URLSearchParams(search.startsWith('?') ? search.slice(1) : search));
}

export function stringifySearch(search: Record<string, unknown>): string {
  return toQueryString(search);
}

type Shape = Record<string, z.ZodType>;

/** A page's URL state: each key of its schema, parsed, or absent. */
export type SearchOf<S extends Shape> = { [K in keyof S]?: Exclude<z.output<S[K]>, undefined> };

/** A URL value as the query string held it: lists (already parsed once) back to `a,b`. */
function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(',');
  return undefined;
}

const defaultOf = (field: z.ZodType): unknown => {
  const result = field.safeParse(undefined);
  return result.success ? result.data : undefined;
};

/** Each field's default (page 1, sort by id…), for the keys that have one. */
export function defaultsOf<S extends Shape>(schema: { shape: S }): SearchOf<S> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = defaultOf(field);
    if (value !== undefined) out[key] = value;
  }
  return out as SearchOf<S>;
}

/**
 * A route's `validateSearch`, built from a zod object schema from the contract. Each key is
 * parsed on its own: a bad value in a shared or hand-edited link is dropped, so the page opens
 * as if it were not there, never crashes. A value equal to its default is dropped too, to keep
 * links short; the page applies defaults when it reads the state.
 *
 * Every key of the schema is in the result, set to undefined when dropped. The router lays the
 * result over the raw search (`{ ...raw, ...validated }`): a key merely left out would let the raw
 * bad value through to the page. `repair` fixes combinations (a range the wrong way round) and
 * must keep that rule: set a key to undefined, never delete it.
 */
export function searchValidator<S extends Shape>(schema: { shape: S }, repair?: (search: SearchOf<S>) => SearchOf<S>) {
  const fields = Object.entries(schema.shape).map(([key, field]) => ({ key, field, fallback: JSON.stringify(defaultOf(field)) }));
  return (raw: Record<string, unknown>): SearchOf<S> => {
    const search: Record<string, unknown> = {};
    for (const { key, field, fallback } of fields) {
      const text = asText(raw[key]);
      const parsed = text === undefined ? undefined : field.safeParse(text);
      const value = parsed?.success ? parsed.data : undefined;
      search[key] = value === undefined || JSON.stringify(value) === fallback ? undefined : value;
    }
    return repair ? repair(search as SearchOf<S>) : (search as SearchOf<S>);
  };
}

/** A date range the wrong way round would show nothing: keep only its start. */
export function orderedDates<T extends { from?: string; to?: string }>(search: T): T {
  return search.from && search.to && search.from > search.to ? { ...search, to: undefined } : search;
}

/** A local date's first or last instant as ISO, so "to 2026-05-01" includes that whole day. */
export function dateBoundary(date: string, edge: 'start' | 'end'): string {
  return new Date(`${date}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`).toISOString();
}
