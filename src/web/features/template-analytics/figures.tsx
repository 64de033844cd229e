import { TIER_NUMBERS } from '../../../core/template-recommendations';
import { TIER_LABELS, type Tier } from '../../../core/tiers';

export const formatQuality = (q: number | null) => (q === null ? '—' : q.toFixed(1));
export const formatRate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
export const tierName = (tier: Tier) => `Tier ${TIER_NUMBERS[tier]} · ${TIER_LABELS[tier]}`;

/** Where a template is edited (the Templates page), optionally opened at one version. */
export const templateHref = (templateId: string, version?: number) => `/templates?id=${encodeURIComponent(templateId)}${version === undefined ? '' : `&version=${version}`}`;

/** Distinct, readable line colours, one per plotted series in order. */
export const SERIES_COLOURS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];
