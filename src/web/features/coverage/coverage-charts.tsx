/** Coverage charts (US3.2.1): personas, arcs, tiers, persona × emotion heatmap, categories and chunks. */
export function CoverageCharts() {
  return <p className="text-sm text-muted">Coverage charts are being built.</p>;
}
