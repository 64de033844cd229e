/**
 * Plain-English explanations of the errors a generation can end with (US11.3.1, US2.2.2): what
 * happened, what to do next, whether trying again can help, and whose side the problem is on.
 * Keyed by the `errorKind` the worker records (a provider error kind or an AppError code).
 */

/** `user`: something in the workspace's data, templates or settings; `system`: convgen itself; `api`: the AI provider. */
export const ERROR_CATEGORIES = ['user', 'system', 'api'] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

export const ERROR_CATEGORY_LABELS: Record<ErrorCategory, string> = {
  user: 'User error',
  system: 'System error',
  api: 'API error',
};

/** What the user should do: try again, fix something first, or get help. */
export type ErrorAction = 'retry' | 'fix' | 'support' | 'none';

export interface ErrorGuide {
  kind: string;
  /** The kind as people call it, shown wherever a kind is listed: "Network failure", not `network`. */
  name: string;
  /** A short headline, e.g. "Rate limit hit". */
  title: string;
  /** One or two sentences without jargon. */
  whatHappened: string;
  /** The recovery suggestion, e.g. "Wait 60 seconds or reduce batch size." */
  nextStep: string;
  /** Whether the same request can succeed on another try, unchanged. */
  retryable: boolean;
  category: ErrorCategory;
  action: ErrorAction;
}

type Entry = Omit<ErrorGuide, 'kind'>;

const GUIDES = {
  rate_limited: {
    name: 'Rate limit',
    title: 'Rate limit hit',
    whatHappened: 'The AI provider received more requests than your plan allows per minute and asked convgen to slow down.',
    nextStep: 'Rate limit hit. Wait 60 seconds or reduce batch size (or concurrency in Settings), then retry.',
    retryable: true,
    category: 'api',
    action: 'retry',
  },
  overloaded: {
    name: 'Provider overloaded',
    title: 'The AI provider is overloaded',
    whatHappened: 'The AI provider is busy right now and turned the request away. Nothing is wrong with your data.',
    nextStep: 'Wait a few minutes, then retry.',
    retryable: true,
    category: 'api',
    action: 'retry',
  },
  timeout: {
    name: 'Timeout',
    title: 'The AI provider took too long',
    whatHappened: 'The AI provider did not finish answering in time, so convgen stopped waiting.',
    nextStep: 'Retry. If it keeps happening, lower "Max tokens" or the concurrency in Settings.',
    retryable: true,
    category: 'api',
    action: 'retry',
  },
  server: {
    name: 'Provider error',
    title: 'The AI provider had an internal error',
    whatHappened: 'Something went wrong on the AI provider’s side while it worked on this conversation.',
    nextStep: 'Retry in a minute. If it keeps failing, check the provider’s status page.',
    retryable: true,
    category: 'api',
    action: 'retry',
  },
  network: {
    name: 'Network failure',
    title: 'convgen could not reach the AI provider',
    whatHappened: 'The connection to the AI provider failed before any answer came back: the address may be wrong, the server may be down, or the network may be blocking it.',
    nextStep: 'Check the provider address (base URL) in Settings and that the server is running, then retry.',
    retryable: true,
    category: 'api',
    action: 'retry',
  },
  malformed_output: {
    name: 'Unusable answer',
    title: 'The model’s answer was unusable',
    whatHappened: 'The model answered, but not with a complete conversation in the expected format.',
    nextStep: 'Retry: models occasionally answer in the wrong shape. If it keeps happening, try another model or a lower temperature.',
    retryable: true,
    category: 'api',
    action: 'retry',
  },
  auth: {
    name: 'API key refused',
    title: 'The API key was refused',
    whatHappened: 'The AI provider did not accept the API key convgen sent, so nothing was generated and nothing was charged.',
    nextStep: 'Enter a valid API key in Settings (or ask your admin to), then retry. Retrying with the same key will fail again.',
    retryable: false,
    category: 'user',
    action: 'fix',
  },
  invalid_request: {
    name: 'Invalid request',
    title: 'The AI provider rejected the request',
    whatHappened: 'The AI provider said the request itself is invalid, for example an unknown model name, a setting it does not support, or a prompt that is too long.',
    nextStep: 'Check the model name and generation settings, and shorten the template or source chunk if it is very long. Retrying unchanged will fail again.',
    retryable: false,
    category: 'user',
    action: 'fix',
  },
  template_missing_parameters: {
    name: 'Missing template value',
    title: 'The template needs a value this conversation lacks',
    whatHappened: 'The prompt template uses a placeholder that this conversation has no value for, so no prompt could be written and the AI provider was never called.',
    nextStep: 'Fill in the missing fields of the conversation (or its source chunk), or make the placeholder optional in the template with {name?text}. Then retry.',
    retryable: false,
    category: 'user',
    action: 'fix',
  },
  not_found: {
    name: 'Not found',
    title: 'The conversation was not found',
    whatHappened: 'The conversation, or something it depends on, was deleted while it waited to be generated.',
    nextStep: 'Reload the list. If the conversation is still there, retry; if it keeps failing, report it.',
    retryable: false,
    category: 'system',
    action: 'support',
  },
  internal: {
    name: 'Internal error',
    title: 'Something went wrong inside convgen',
    whatHappened: 'convgen hit an unexpected problem of its own while generating this conversation. Your data is unchanged.',
    nextStep: 'Retry once. If it fails the same way, copy the details and report the issue.',
    retryable: false,
    category: 'system',
    action: 'support',
  },
  lease_lost: {
    name: 'Duplicate discarded',
    title: 'A duplicate answer was discarded',
    whatHappened: 'Two workers generated this conversation at the same time; convgen kept one answer and discarded this one.',
    nextStep: 'Nothing to do: the conversation was generated by the other worker.',
    retryable: false,
    category: 'system',
    action: 'none',
  },
} satisfies Record<string, Entry>;

export type KnownErrorKind = keyof typeof GUIDES;

/** The kinds this guide explains, for filter menus. */
export const KNOWN_ERROR_KINDS = Object.keys(GUIDES) as KnownErrorKind[];

/** The kinds the worker records, for filtering the log by `errorKind`. */
export const RECORDED_ERROR_KINDS: readonly KnownErrorKind[] = KNOWN_ERROR_KINDS;

/** Other spellings the same problems go by (HTTP-ish names, older codes), so they still read well. */
const ALIASES: Record<string, KnownErrorKind> = {
  rate_limit: 'rate_limited',
  server_error: 'server',
  bad_request: 'invalid_request',
  unauthorized: 'auth',
  template_parameter_missing: 'template_missing_parameters',
  connection: 'network',
  internal_error: 'internal',
};

const UNKNOWN: Entry = {
  name: 'Unknown error',
  title: 'Generation failed',
  whatHappened: 'The conversation could not be generated, for a reason convgen does not recognise.',
  nextStep: 'Retry once. If it fails the same way, copy the details and report the issue.',
  retryable: false,
  category: 'system',
  action: 'support',
};

/** Logs written before `network` existed recorded a connection failure as a `server` error without an HTTP status. */
const CONNECTION_FAILURE = /could not reach|connection (error|refused)|econnrefused|enotfound|fetch failed|network/i;

export function normalizeErrorKind(kind: string | null | undefined): string {
  const k = (kind ?? '').trim().toLowerCase();
  return ALIASES[k] ?? k;
}

/**
 * The explanation for an error. `message` and `httpStatus` refine it: a `server` error that never
 * got an HTTP answer was a connection failure, which reads differently.
 */
export function explainError(error: { kind: string | null | undefined; message?: string | null; httpStatus?: number | null }): ErrorGuide {
  let kind = normalizeErrorKind(error.kind);
  if (kind === 'server' && !error.httpStatus && error.message && CONNECTION_FAILURE.test(error.message)) kind = 'network';
  const entry: Entry = (GUIDES as Record<string, Entry>)[kind] ?? { ...UNKNOWN, name: humanize(kind) || UNKNOWN.name };
  return { kind: kind || 'unknown', ...entry };
}

/** The name of an error kind for display: "Rate limit" for `rate_limited`, "Budget exceeded" for an unknown `budget_exceeded`. */
export function errorKindName(kind: string | null | undefined): string {
  return explainError({ kind }).name;
}

/** `budget_exceeded` → "Budget exceeded". */
function humanize(code: string): string {
  const words = code.replace(/[_\-.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : '';
}

/** The badge text of an error: "API error · retryable", "User error · permanent". */
export function describeErrorBadge(guide: Pick<ErrorGuide, 'category' | 'retryable'>): string {
  return `${ERROR_CATEGORY_LABELS[guide.category]} · ${guide.retryable ? 'retryable' : 'permanent'}`;
}
