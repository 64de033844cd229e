import { z } from 'zod';
import { conversationListQuery, type ConversationListQuery } from '../../../contract/conversations';

/** The conversations page's URL state: the API's list query plus the open preview. */
export type ViewState = ConversationListQuery & { open?: string };

const LIST_KEYS = ['persona', 'emotion', 'topic', 'intent', 'tone', 'status', 'tier', 'quality'] as const;
export type ListFilterKey = (typeof LIST_KEYS)[number];

const shape = conversationListQuery.shape;

/** Parses each URL key on its own; a bad value in a shared link is dropped, not fatal. */
export function parseViewState(raw: Record<string, unknown>): ViewState {
  const state: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const value = raw[key];
    const parsed = (schema as z.ZodType).safeParse(value === undefined ? undefined : String(value));
    if (parsed.success && parsed.data !== undefined) state[key] = parsed.data;
    else {
      const fallback = (schema as z.ZodType).safeParse(undefined);
      if (fallback.success && fallback.data !== undefined) state[key] = fallback.data;
    }
  }
  if (typeof raw.open === 'string' && raw.open.length <= 64) state.open = raw.open;
  return state as ViewState;
}

/** The URL form: defaults are left out to keep links short. */
export type UrlViewState = Partial<ViewState>;

/** Route search validation: what the URL holds, normalized, defaults dropped. */
export const validateViewSearch = (raw: Record<string, unknown>): UrlViewState => serializeViewState(parseViewState(raw));

export function serializeViewState(state: Partial<ViewState>): UrlViewState {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    if ((key === 'page' && value === 1) || (key === 'pageSize' && value === 25) || (key === 'sort' && value === 'conversationId') || (key === 'dir' && value === 'asc')) continue;
    out[key] = value;
  }
  return out as UrlViewState;
}

export function activeFilterCount(state: ViewState): number {
  return LIST_KEYS.reduce((n, k) => n + (state[k]?.length ?? 0), 0) + (state.q ? 1 : 0) + (state.qualityMin !== undefined ? 1 : 0) + (state.qualityMax !== undefined ? 1 : 0);
}

/** The API query for a view state (everything but the open preview). */
export function listQueryOf(state: ViewState): Record<string, unknown> {
  const { open: _open, ...query } = state;
  return query;
}
