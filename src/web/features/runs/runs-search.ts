import { z } from 'zod';
import { searchValidator } from '../../lib/search-params';

/** The runs page's URL state (`/runs?run=…`): the run whose details and log are open, as notifications link to it. */
const runsSearch = z.object({ run: z.uuid().optional() });

/** A bad value in a shared link is dropped, not fatal. */
export const validateRunsSearch = searchValidator(runsSearch);
