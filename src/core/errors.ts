/**
 * The one error type users see. `message` says what happened in plain English, `hint` says
 * what to do next, `retryable` says whether trying again can help.
 */
export class AppError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly retryable: boolean;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(opts: {
    code: string;
    message: string;
    hint?: string;
    retryable?: boolean;
    status?: number;
    details?: Record<string, unknown>;
  }) {
    super(opts.message);
    this.name = 'AppError';
    this.code = opts.code;
    this.hint = opts.hint ?? '';
    this.retryable = opts.retryable ?? false;
    this.status = opts.status ?? 400;
    this.details = opts.details;
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      hint: this.hint,
      retryable: this.retryable,
      details: this.details ?? {},
    };
  }
}

export const notFound = (what: string, hint = 'Check the id, or go back to the list and pick it again.') =>
  new AppError({ code: 'not_found', message: `${what} was not found.`, hint, status: 404 });

export const conflict = (message: string, hint: string) => new AppError({ code: 'conflict', message, hint, status: 409 });
