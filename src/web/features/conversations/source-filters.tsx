import { useQuery } from '@tanstack/react-query';
import { AUDIENCE_LABELS, AUDIENCE_LEVELS, EMOTIONAL_VALENCES, EXPERTISE_LABELS, EXPERTISE_LEVELS, VALENCE_LABELS } from '../../../core/chunk-dimensions';
import { queries } from '../../lib/endpoints';
import { FilterMenu, type FilterOption } from './filter-menu';
import type { ViewState } from './view-state';

export type SourceFilterKey = 'category' | 'document' | 'expertise' | 'valence' | 'audience';

/**
 * Filters on the source material (US10.1.1, US10.2.1): the category and document a conversation
 * was made from, and what the analysis of its source chunk found.
 */
export function useSourceFilterOptions(): Record<SourceFilterKey, { label: string; options: FilterOption[] }> {
  const { data: documents } = useQuery({ ...queries.documents(), staleTime: 60_000 });
  const items = documents?.items ?? [];
  const categories = [...new Set(items.map((d) => d.category))].sort((a, b) => a.localeCompare(b));
  return {
    category: { label: 'Source category', options: categories.map((c) => ({ value: c, label: c })) },
    document: { label: 'Source document', options: items.map((d) => ({ value: d.id, label: d.title })) },
    expertise: { label: 'Source expertise', options: EXPERTISE_LEVELS.map((v) => ({ value: v, label: EXPERTISE_LABELS[v] })) },
    valence: { label: 'Source sentiment', options: EMOTIONAL_VALENCES.map((v) => ({ value: v, label: VALENCE_LABELS[v] })) },
    audience: { label: 'Source audience', options: AUDIENCE_LEVELS.map((v) => ({ value: v, label: AUDIENCE_LABELS[v] })) },
  };
}

const CONFIDENCE_STEPS = [5, 7, 8, 9];
export const confidenceLabel = (min: number) => `${min} or more`;

/** "Source confidence": one lower bound on how sure the chunk's analysis was (0–10). */
export function ConfidenceFilter({ view, onChange }: { view: ViewState; onChange: (patch: Partial<ViewState>) => void }) {
  const selected = view.confidenceMin === undefined ? [] : [String(view.confidenceMin)];
  const options = [...new Set([...CONFIDENCE_STEPS, ...(view.confidenceMin === undefined ? [] : [view.confidenceMin])])]
    .sort((a, b) => a - b)
    .map((n) => ({ value: String(n), label: confidenceLabel(n) }));
  return (
    <FilterMenu
      label="Source confidence"
      options={options}
      selected={selected}
      // One bound at a time: the newest choice replaces the old one.
      onChange={(values) => onChange({ confidenceMin: values.length ? Number(values[values.length - 1]) : undefined, page: 1 })}
    />
  );
}
