import { z } from 'zod';

/**
 * A local calendar day, as date fields and the web app's URLs hold it: 2026-05-01. Only real days
 * pass (no 2026-02-30). A range's `to` day is inclusive: the web asks the API up to its last instant.
 */
export const calendarDate = z.iso.date({ message: 'must be a date such as 2026-05-01' });
