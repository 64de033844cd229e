import { conversationListQuery, conversationViewSearch, type ConversationListQuery } from '../../../contract/conversations';
import { defaultsOf, searchValidator, type SearchOf } from '../../lib/search-params';

/** The conversations page's view: the API's list query (defaults applied) plus the open preview. */
export type ViewState = ConversationListQuery & { open?: string; plan?: number };

export const LIST_KEYS = ['persona', 'emotion', 'topic', 'intent', 'tone', 'status', 'tier', 'quality', 'category', 'document', 'expertise', 'valence', 'audience'] as const;
export type ListFilterKey = (typeof LIST_KEYS)[number];

/** The URL form: defaults are left out to keep links short. */
export type UrlViewState = SearchOf<typeof conversationViewSearch.shape>;

/** A quality range the wrong way round would match nothing (and the API refuses it): keep its lower bound. */
const orderedQuality = (search: UrlViewState): UrlViewState =>
  search.qualityMin !== undefined && search.qualityMax !== undefined && search.qualityMin > search.qualityMax ? { ...search, qualityMax: undefined } : search;

/** Route search validation: each URL key parsed on its own by the contract; a bad value from a shared link is dropped, not fatal. */
export const validateViewSearch = searchValidator(conversationViewSearch, orderedQuality);

const DEFAULTS = defaultsOf(conversationListQuery) as Pick<ConversationListQuery, 'sort' | 'dir' | 'page' | 'pageSize'>;

/** The view a URL stands for, with the list query's defaults filled in. */
export function parseViewState(raw: Record<string, unknown>): ViewState {
  const state: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(validateViewSearch(raw))) if (value !== undefined) state[key] = value;
  return state as ViewState;
}

/** The URL form of a view: defaults, empty lists and empty text left out. */
export function serializeViewState(state: Partial<ViewState>): UrlViewState {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
    if (key in DEFAULTS && DEFAULTS[key as keyof typeof DEFAULTS] === value) continue;
    out[key] = value;
  }
  return out as UrlViewState;
}

export function activeFilterCount(state: ViewState): number {
  return LIST_KEYS.reduce((n, k) => n + (state[k]?.length ?? 0), 0) + (state.q ? 1 : 0) + (state.qualityMin !== undefined ? 1 : 0) + (state.qualityMax !== undefined ? 1 : 0) + (state.confidenceMin !== undefined ? 1 : 0) + (state.seed ? 1 : 0) + (state.nearDuplicate ? 1 : 0) + (state.tokensMin !== undefined || state.tokensMax !== undefined ? 1 : 0);
}

/** The API query for a view state (everything but the open preview). */
export function listQueryOf(state: ViewState): ConversationListQuery {
  const { open: _open, plan: _plan, ...query } = state;
  return query;
}
