/** One distribution of a plan ("By persona"): a labelled bar per value, largest first. */
export function Distribution({ title, counts, label = (k) => k }: { title: string; counts: Record<string, number>; label?: (key: string) => string }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!entries.length) return null;
  const max = Math.max(...entries.map(([, n]) => n));
  const shown = entries.slice(0, 8);
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-1.5 text-[11px] font-semibold tracking-wide text-muted uppercase">{title}</h3>
      <ul className="space-y-1">
        {shown.map(([key, n]) => (
          <li key={key} className="grid grid-cols-[minmax(0,1fr)_5rem_2.5rem] items-center gap-2 text-xs">
            <span className="truncate text-text" title={label(key)}>
              {label(key)}
            </span>
            <span className="h-1.5 rounded-full bg-surface-muted" aria-hidden>
              <span className="block h-1.5 rounded-full bg-primary" style={{ width: `${Math.max(6, (n / max) * 100)}%` }} />
            </span>
            <span className="text-right text-muted tabular-nums">{n.toLocaleString()}</span>
          </li>
        ))}
      </ul>
      {entries.length > shown.length && <p className="mt-1 text-xs text-muted">and {entries.length - shown.length} more</p>}
    </section>
  );
}
