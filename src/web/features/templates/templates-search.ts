import { templatesSearch, type TemplatesSearch } from '../../../contract/templates';

/** The Templates page's URL state (`/templates?id=…&version=…&compare=…`): anything unreadable is dropped, not an error. */
export function validateTemplatesSearch(raw: Record<string, unknown>): TemplatesSearch {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(templatesSearch.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as TemplatesSearch;
}
