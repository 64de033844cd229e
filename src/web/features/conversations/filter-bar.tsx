import { Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { QUALITY_LEVELS } from '../../../contract/conversations';
import { CONVERSATION_STATUSES, STATUS_LABELS } from '../../../core/statuses';
import { DIMENSIONS, DIMENSION_LABELS, TIERS, TIER_LABELS } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { useCatalog } from '../../lib/queries';
import { FilterMenu, type FilterOption } from './filter-menu';
import { ConfidenceFilter, confidenceLabel, useSourceFilterOptions } from './source-filters';
import type { ListFilterKey, ViewState } from './view-state';
import { TokensFilter, clearedTokens, tokensFilterText } from './tokens-filter';
import { usePreflightSetting } from './tokens-column';

const QUALITY_LABELS: Record<(typeof QUALITY_LEVELS)[number], string> = { high: 'High (8–10)', medium: 'Medium (6–7)', low: 'Low (below 6)' };

export function useFilterOptions(): Record<ListFilterKey, { label: string; options: FilterOption[] }> {
  const { data: catalog } = useCatalog();
  const source = useSourceFilterOptions();
  const dims = Object.fromEntries(
    DIMENSIONS.map((d) => [d, { label: DIMENSION_LABELS[d], options: (catalog?.[d] ?? []).map((v) => ({ value: v.key, label: v.label })) }]),
  ) as Record<(typeof DIMENSIONS)[number], { label: string; options: FilterOption[] }>;
  return {
    ...dims,
    status: { label: 'Status', options: CONVERSATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })) },
    tier: { label: 'Tier', options: TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] })) },
    quality: { label: 'Quality', options: QUALITY_LEVELS.map((q) => ({ value: q, label: QUALITY_LABELS[q] })) },
    ...source,
  };
}

/** Search box plus one multi-select per filter key; the URL holds the result. */
export function FilterBar({ view, onChange }: { view: ViewState; onChange: (patch: Partial<ViewState>) => void }) {
  const options = useFilterOptions();
  const [text, setText] = useState(view.q ?? '');
  useEffect(() => setText(view.q ?? ''), [view.q]);
  useEffect(() => {
    if ((view.q ?? '') === text) return;
    // Wait for a pause in typing so each keystroke is not a request.
    const t = setTimeout(() => onChange({ q: text || undefined, page: 1 }), 250);
    return () => clearTimeout(t);
  }, [text, view.q, onChange]);

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <div className="relative w-72">
        <Search className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-muted" aria-hidden />
        <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="Search id, persona, topic, title…" aria-label="Search conversations" className="pl-8" maxLength={200} />
        {text && (
          <button type="button" onClick={() => setText('')} className="absolute top-2.5 right-2.5 text-muted hover:text-text" aria-label="Clear search">
            <X className="h-4 w-4" />
          </button>
        )}
      </div>
      {(Object.keys(options) as ListFilterKey[]).map((key) => (
        <FilterMenu key={key} label={options[key].label} options={options[key].options} selected={(view[key] as string[] | undefined) ?? []} onChange={(values) => onChange({ [key]: values, page: 1 })} />
      ))}
      <ConfidenceFilter view={view} onChange={onChange} />
      <TokensFilter view={view} onChange={onChange} />
    </div>
  );
}

/** The active filters as removable badges, with "Clear all". */
export function ActiveFilters({ view, onChange, onClear }: { view: ViewState; onChange: (patch: Partial<ViewState>) => void; onClear: () => void }) {
  const options = useFilterOptions();
  const tokensText = tokensFilterText(view, usePreflightSetting()?.label ?? '');
  const chips = (Object.keys(options) as ListFilterKey[]).flatMap((key) =>
    ((view[key] as string[] | undefined) ?? []).map((value) => ({
      key,
      value,
      text: `${options[key].label}: ${options[key].options.find((o) => o.value === value)?.label ?? value}`,
    })),
  );
  if (view.q) chips.push({ key: 'q' as ListFilterKey, value: view.q, text: `Search: “${view.q}”` });
  if (view.confidenceMin !== undefined) chips.push({ key: 'confidenceMin' as ListFilterKey, value: String(view.confidenceMin), text: `Source confidence: ${confidenceLabel(view.confidenceMin)}` });
  if (view.seed) chips.push({ key: 'seed' as ListFilterKey, value: view.seed, text: view.seed === 'only' ? 'Seeds only' : 'Without seeds' });
  if (tokensText) chips.push({ key: 'tokensMin' as ListFilterKey, value: 'tokens', text: tokensText });
  if (view.nearDuplicate) chips.push({ key: 'nearDuplicate' as ListFilterKey, value: view.nearDuplicate, text: 'Near-duplicates only' });
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5" aria-label="Active filters">
      {chips.map((chip) => (
        <span key={`${chip.key}:${chip.value}`} className="inline-flex items-center gap-1 rounded-full border border-primary/30 bg-primary-soft py-0.5 pr-1 pl-2.5 text-xs text-primary">
          {chip.text}
          <button
            type="button"
            aria-label={`Remove filter ${chip.text}`}
            className="rounded-full p-0.5 hover:bg-primary/10"
            onClick={() =>
              chip.key === ('tokensMin' as ListFilterKey)
                ? onChange(clearedTokens)
                : chip.key === ('q' as ListFilterKey) || chip.key === ('seed' as ListFilterKey) || chip.key === ('nearDuplicate' as ListFilterKey)
                  ? onChange({ [chip.key]: undefined, page: 1 })
                  : chip.key === ('confidenceMin' as ListFilterKey)
                    ? onChange({ confidenceMin: undefined, page: 1 })
                    : onChange({ [chip.key]: ((view[chip.key] as string[]) ?? []).filter((v) => v !== chip.value), page: 1 })
            }
          >
            <X className="h-3 w-3" />
          </button>
        </span>
      ))}
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear all filters
      </Button>
    </div>
  );
}
