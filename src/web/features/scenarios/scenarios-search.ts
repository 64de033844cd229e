import { z } from 'zod';
import { SCENARIO_CATEGORIES, SCENARIO_ORIGINS } from '../../../contract/scenarios';
import { searchValidator, type SearchOf } from '../../lib/search-params';

/** The Scenarios page's URL state: search, filters, page and the open scenario, so a link reopens the same view. */
const scenariosSearch = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.enum(SCENARIO_CATEGORIES).optional(),
  tag: z.string().trim().max(40).optional(),
  favorite: z.enum(['true', 'false']).optional(),
  archived: z.enum(['true', 'false']).optional(),
  origin: z.enum(SCENARIO_ORIGINS).optional(),
  document: z.uuid().optional(),
  page: z.coerce.number().int().min(1).optional(),
  scenario: z.uuid().optional(),
});

export type ScenariosSearch = SearchOf<typeof scenariosSearch.shape>;

/** Each key checked on its own, so a bad value in a shared link is dropped, not fatal. */
export const validateScenariosSearch = searchValidator(scenariosSearch);
