import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors';

/** fastify-type-provider-zod's shape of a zod issue: the path in `instancePath`, the rest in `params`. */
type ValidationIssue = { instancePath?: string; message?: string; params?: { keys?: string[] } };

/** "The query parameter 'pageSize' must be 25, 50 or 100" — names the field the user got wrong. */
function describeValidation(context: string | undefined, issues: ValidationIssue[]) {
  const first = issues[0];
  const unknownKeys = first.params?.keys;
  const where = context === 'querystring' ? 'query parameter' : context === 'params' ? 'path parameter' : context === 'headers' ? 'header' : 'field';
  if (unknownKeys?.length) return { field: unknownKeys[0], where, message: `is not one this request accepts` };
  const path = first.instancePath?.split('/').filter(Boolean) ?? [];
  // Query lists are split on commas; name the parameter, then which item was wrong.
  const field = context === 'querystring' ? (path[0] ?? '') : path.join('.');
  const item = context === 'querystring' && path.length > 1 ? ` (item ${Number(path[1]) + 1} of the list)` : '';
  const raw = first.message ?? 'is invalid';
  const message = raw
    .replace(/^Invalid option: expected one of (.*)$/, (_m, list: string) => `must be one of ${list.split('|').join(', ')}`)
    .replace(/^Invalid input: expected (\w+), received (\w+)/, 'must be a $1, not $2')
    .replace(/^Unrecognized key: /, 'is not a known parameter: ')
    .replace(/^Too big: expected (.+) to have <=(\d+) characters/, 'must be at most $2 characters')
    .replace(/^Too small: expected (.+) to have >=(\d+) characters/, 'must be at least $2 characters')
    .replace(/^Too big: expected number to be <=(\S+)/, 'must be at most $1')
    .replace(/^Too small: expected number to be >=(\S+)/, 'must be at least $1')
    // Whatever zod says that was not worded above ("Invalid input" from a union…) still reads as a sentence.
    .replace(/^Too big: expected array to have <=(\d+) items?/, 'must have at most $1 items')
    .replace(/^Too small: expected array to have >=(\d+) items?/, 'must have at least $1 items')
    .replace(/^Invalid (UUID|email address|URL|ISO datetime|ISO date|string)$/, (_m, what: string) => `must be a valid ${what.startsWith('ISO') ? what.replace('ISO datetime', 'ISO date-time such as 2026-01-31T00:00:00Z').replace(/^ISO date$/, 'ISO date such as 2026-01-31') : what}`)
    .replace(/^Invalid input$/, 'is not valid')
    .replace(/^([A-Z])(?=[a-z])/, (m) => `is not valid: ${m.toLowerCase()}`);
  return { field, where, message: `${message}${item}` };
}

/** PostgreSQL error codes caused by what the client sent, mapped to errors it can act on. */
function fromDatabaseError(error: unknown): AppError | null {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  switch (code) {
    case '22021': // character not in repertoire (e.g. a NUL byte)
    case '22P05':
    case '22P02': // invalid text representation
      return new AppError({ code: 'invalid_characters', status: 400, message: 'The request contains characters that cannot be stored (such as a NUL byte).', hint: 'Remove control characters from the text and send it again.' });
    case '22008': // date/time field value out of range (year 0, …)
    case '22007': // invalid date/time format
      return new AppError({ code: 'invalid_date', status: 400, message: 'A date in the request is outside the range the database can store.', hint: 'Use a date such as 2026-01-31, between the years 1 and 9999.' });
    case '22003': // numeric value out of range
      return new AppError({ code: 'number_out_of_range', status: 400, message: 'A number in the request is too large.', hint: 'Use a smaller value and send the request again.' });
    case '23505':
      return new AppError({ code: 'conflict', status: 409, message: 'Something with the same unique value already exists.', hint: 'Reload to see the current data, then try again with a different value.' });
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const known = error instanceof AppError ? error : fromDatabaseError(error);
    if (known) return reply.status(known.status).send({ error: known.toJSON() });
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { field, where, message } = describeValidation(error.validationContext, error.validation as ValidationIssue[]);
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: field ? `The ${where} '${field}' ${message}.` : `The request ${message}.`,
          hint: 'Correct that value and send the request again.',
          retryable: false,
          details: { field, location: error.validationContext ?? 'body', issues: error.validation },
        },
      });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large…
      const code = (error as FastifyError).code;
      return reply.status(status).send({
        error: {
          code: code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : (code?.toLowerCase() ?? 'bad_request'),
          message: code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'The request body is not valid JSON.' : error.message,
          hint: 'Check the request body and headers, then send it again.',
          retryable: false,
          details: {},
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side.',
        hint: 'Try again in a moment. If it keeps happening, copy these details into a bug report.',
        retryable: true,
        details: { requestId: request.id },
      },
    });
  });
}

export function routeNotFound(method: string, url: string) {
  return {
    error: {
      code: 'not_found',
      message: `There is no ${method} ${url.split('?')[0]} in this API.`,
      hint: 'See /api/openapi.json for the list of routes.',
      retryable: false,
      details: {},
    },
  };
}
