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
