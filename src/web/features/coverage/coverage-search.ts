import { z } from 'zod';
import { COVERAGE_SCOPES } from '../../../core/coverage';
import { searchValidator, type SearchOf } from '../../lib/search-params';

/** The Coverage page's URL state: what the figures count (`generated` when left out). */
const coverageSearch = z.object({ scope: z.enum(COVERAGE_SCOPES).default('generated') });

export type CoverageSearch = SearchOf<typeof coverageSearch.shape>;

/** A bad value in a shared link is dropped, not fatal. */
export const validateCoverageSearch = searchValidator(coverageSearch);
