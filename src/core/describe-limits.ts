/** Per-minute limits in words, for run progress, the CLI and the Settings page. */

export interface PerMinuteLimits {
  requestsPerMinute?: number | null;
  inputTokensPerMinute?: number | null;
  outputTokensPerMinute?: number | null;
  tokensPerMinute?: number | null;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * "4,000 requests/min, 2,000,000 input and 400,000 output tokens/min"; "500 requests/min,
 * 200,000 tokens/min"; null when nothing is limited.
 */
export function describeLimits(limits: PerMinuteLimits): string | null {
  const parts: string[] = [];
  if (limits.requestsPerMinute) parts.push(`${count(limits.requestsPerMinute)} requests/min`);
  const input = limits.inputTokensPerMinute;
  const output = limits.outputTokensPerMinute;
  if (input && output) parts.push(`${count(input)} input and ${count(output)} output tokens/min`);
  else if (input) parts.push(`${count(input)} input tokens/min`);
  else if (output) parts.push(`${count(output)} output tokens/min`);
  if (limits.tokensPerMinute) parts.push(`${count(limits.tokensPerMinute)} tokens/min`);
  return parts.length ? parts.join(', ') : null;
}
