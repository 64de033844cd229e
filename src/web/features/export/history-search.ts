import { exportHistorySearch } from '../../../contract/exports';
import { orderedDates, searchValidator, type SearchOf } from '../../lib/search-params';

/** The export history's URL state, as the contract defines it. */
export type ExportHistorySearch = SearchOf<typeof exportHistorySearch.shape>;

/** Each key checked on its own, so a bad value in a link is dropped, not fatal. */
export const validateExportHistorySearch = searchValidator(exportHistorySearch, orderedDates);
