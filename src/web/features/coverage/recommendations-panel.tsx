/** Coverage recommendations (US3.2.2, US10.2.2) with Generate Recommended. */
export function RecommendationsPanel() {
  return <p className="text-sm text-muted">Recommendations are being built.</p>;
}
