/** Reviewed and unreviewed counts of one 1-point score bucket ([min, min + 1), the last one 9–10). */
export interface ScoreBucket {
  min: number;
  approved: number;
  rejected: number;
  unreviewed: number;
}

export interface ThresholdOutcome {
  /** "score < threshold" would flag the conversation. */
  threshold: number;
  /** Share (0–1) of rejected conversations the threshold would have flagged. */
  rejectionsCaught: number;
  /** Share (0–1) of approved conversations it would have flagged needlessly. */
  approvalsCaught: number;
}

/** The nine buckets 1–2 … 9–10, filled from per-bucket counts (missing ones are zero). */
export function fillBuckets(counts: { bucket: number; status: 'approved' | 'rejected' | 'unreviewed'; n: number }[]): ScoreBucket[] {
  const buckets = Array.from({ length: 9 }, (_, i) => ({ min: i + 1, approved: 0, rejected: 0, unreviewed: 0 }));
  for (const { bucket, status, n } of counts) {
    const b = buckets[Math.min(8, Math.max(0, bucket - 1))];
    b[status] += n;
  }
  return buckets;
}

/**
 * What "score < t" would have done for t = 2 … 10, from 1-point buckets (exact, because a score
 * is below a whole number t exactly when its bucket is): the share of rejections it catches and
 * of approvals it flags needlessly.
 */
export function thresholdOutcomes(buckets: ScoreBucket[]): ThresholdOutcome[] {
  const approved = buckets.reduce((s, b) => s + b.approved, 0);
  const rejected = buckets.reduce((s, b) => s + b.rejected, 0);
  const out: ThresholdOutcome[] = [];
  let a = 0;
  let r = 0;
  for (const b of buckets) {
    a += b.approved;
    r += b.rejected;
    out.push({ threshold: b.min + 1, rejectionsCaught: rejected ? r / rejected : 0, approvalsCaught: approved ? a / approved : 0 });
  }
  return out;
}

/**
 * The threshold that separates best (most rejections caught minus approvals flagged), with a
 * sentence for non-engineers; null until both decisions exist.
 */
export function suggestThreshold(outcomes: ThresholdOutcome[], reviewed: { approved: number; rejected: number }): { threshold: number; sentence: string } | null {
  if (!reviewed.approved || !reviewed.rejected) return null;
  const best = outcomes.reduce((a, b) => (b.rejectionsCaught - b.approvalsCaught > a.rejectionsCaught - a.approvalsCaught ? b : a));
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return {
    threshold: best.threshold,
    sentence: `Flagging score < ${best.threshold} would have caught ${pct(best.rejectionsCaught)} of rejections and ${pct(best.approvalsCaught)} of approvals.`,
  };
}
