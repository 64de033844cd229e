// The badge lives with the quality feature, which the table and the preview both use.
export { QualityBadge } from '../quality/quality-badge';
