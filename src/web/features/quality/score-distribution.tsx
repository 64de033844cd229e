/** Quality scores against reviewers' decisions, so thresholds can be tuned. */
export function ScoreDistribution() {
  return <p className="text-sm text-muted">Score distribution is being built.</p>;
}
