const RUN_KINDS: Record<string, string> = {
  single: 'One conversation',
  selection: 'Selection',
  filter: 'Filtered view',
  tier: 'Tier',
  all: 'Generate All',
  chunk_dimensions: 'Chunk dimensions',
  scenario_derivation: 'Scenarios from chunks',
};

/** A run's kind as people say it: "Filtered view", not `filter`. */
export function runKindName(kind: string): string {
  return RUN_KINDS[kind] ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** "2 hours ago", "just now": for badges' tooltips. */
export function timeAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const units: [number, string][] = [
    [60, 'minute'],
    [3600, 'hour'],
    [86400, 'day'],
    [2592000, 'month'],
  ];
  let unit = units[0];
  for (const u of units) if (seconds >= u[0]) unit = u;
  const n = Math.max(1, Math.round(seconds / unit[0]));
  return `${n} ${unit[1]}${n === 1 ? '' : 's'} ago`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, { year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export { formatUsd } from '../../core/pricing';

/** "about 18 minutes", "2 h 5 min", "40 s": durations in estimates and ETAs. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}
