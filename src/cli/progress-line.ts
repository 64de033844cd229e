import type { RunProgress } from '../contract/runs';
import { describeLimits } from '../core/describe-limits';

function duration(seconds: number) {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h ${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

/** "[██████░░░░]  42/100  42% · 40 ok, 2 failed · ~3m 10s left · $0.84 · provider allows 50 requests/min · rate limit: pausing 30s" */
export function progressLine(run: RunProgress, width = 24, now = Date.now()): string {
  const done = run.succeeded + run.failed;
  const ratio = run.total ? done / run.total : 1;
  const filled = Math.round(ratio * width);
  const parts = [
    `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`,
    `${String(done).padStart(String(run.total).length)}/${run.total}`,
    `${String(Math.round(ratio * 100)).padStart(3)}%`,
    `· ${run.succeeded} ok, ${run.failed} failed`,
  ];
  if (run.etaSeconds !== null && run.etaSeconds > 0) parts.push(`· ~${duration(run.etaSeconds)} left`);
  parts.push(`· $${run.spentUsd.toFixed(2)}${run.spendingLimitUsd ? ` of $${run.spendingLimitUsd.toFixed(2)}` : ''}`);
  const allowed = run.providerLimits && describeLimits(run.providerLimits);
  if (allowed) parts.push(`· provider allows ${allowed}`);
  if (run.throttledUntil) parts.push(`· rate limit: pausing ${duration((Date.parse(run.throttledUntil) - now) / 1000)}`);
  if (run.status !== 'running' && run.status !== 'queued') parts.push(`· ${run.status}`);
  return parts.join(' ');
}
