import { ApiError } from '../../lib/api';

/** An error as the page says it: the server's message and what to do next. */
export function errorText(err: unknown): string {
  return err instanceof ApiError ? `${err.message} ${err.hint}` : String(err);
}
