import type { ExportPreview } from '../../../contract/exports';
import { TIER_LABELS, TIERS, type Tier } from '../../../core/tiers';

/** The split the export will write, tier by tier, so its proportions can be checked before downloading. */
export function SplitSummary({ split }: { split: NonNullable<ExportPreview['split']> }) {
  const tiers = Object.keys(split.byTier).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return (
    <p className="text-xs text-muted" data-testid="export-split">
      Split: {split.train.toLocaleString()} train, {split.validation.toLocaleString()} validation
      {tiers.length > 0 && ` (${tiers.map((tier) => `${TIER_LABELS[tier as Tier] ?? tier} ${split.byTier[tier].validation} of ${split.byTier[tier].train + split.byTier[tier].validation}`).join(' · ')})`}.
    </p>
  );
}

const rank = (tier: string) => {
  const i = (TIERS as readonly string[]).indexOf(tier);
  return i === -1 ? TIERS.length : i;
};
