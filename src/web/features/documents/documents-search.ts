import { z } from 'zod';
import { DOCUMENT_STATUSES } from '../../../contract/documents';
import { searchValidator, type SearchOf } from '../../lib/search-params';

/** The Documents page's URL state: search and filters, and the open document and chunk (links land on them). */
const documentsSearch = z.object({
  q: z.string().trim().max(200).optional(),
  category: z.string().trim().max(80).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  document: z.uuid().optional(),
  chunk: z.uuid().optional(),
});

export type DocumentsSearch = SearchOf<typeof documentsSearch.shape>;

/** Each key checked on its own, so a bad value in a shared link is dropped, not fatal. */
export const validateDocumentsSearch = searchValidator(documentsSearch);
