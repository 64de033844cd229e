import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ChunkDetail, DimensionsPatch } from '../../../contract/chunk-dimensions';
import {
  AUDIENCE_LABELS,
  AUDIENCE_LEVELS,
  chunkDimensionsPatchSchema,
  EMOTIONAL_VALENCES,
  EXPERTISE_LABELS,
  EXPERTISE_LEVELS,
  VALENCE_LABELS,
} from '../../../core/chunk-dimensions';
import { Button } from '../../components/ui/button';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';

type Dimensions = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const SOURCE_TEXT: Record<string, string> = { provider: 'derived by the model', offline: 'derived by the offline analyser', manual: 'edited by hand' };

const fieldClass = 'h-8 w-full rounded-md border border-border bg-surface px-2';
const labelClass = 'mb-1 block text-xs font-semibold tracking-wide text-muted uppercase';

/**
 * Edits one chunk's dimensions by hand. Saved edits are marked as hand edits, so a later
 * "Derive dimensions" keeps them unless asked to overwrite them. Checked like the model's answer:
 * a bad value is named before anything is saved.
 */
export function ChunkDimensionsEditor({
  chunk,
  onSaved,
  onCancel,
}: {
  chunk: { id: string; dimensions: Dimensions; dimensionsSource?: string | null };
  onSaved?: (chunk: ChunkDetail) => void;
  onCancel?: () => void;
}) {
  const client = useQueryClient();
  const d = chunk.dimensions;
  const [summary, setSummary] = useState(text(d.summary));
  const [terms, setTerms] = useState(Array.isArray(d.key_terms) ? (d.key_terms as unknown[]).filter((t) => typeof t === 'string').join(', ') : '');
  const [expertise, setExpertise] = useState(text(d.expertise_level));
  const [valence, setValence] = useState(text(d.emotional_valence));
  const [audience, setAudience] = useState(text(d.audience_level));
  const [confidence, setConfidence] = useState(typeof d.confidence === 'number' ? String(d.confidence) : '');
  const [problem, setProblem] = useState<string | null>(null);

  /** Only what was filled in: an empty field leaves the stored value alone. */
  const patch = (): Record<string, unknown> => {
    const p: Record<string, unknown> = {};
    if (summary.trim()) p.summary = summary.trim();
    const list = terms.split(',').map((t) => t.trim()).filter(Boolean);
    if (list.length) p.key_terms = list;
    if (expertise) p.expertise_level = expertise;
    if (valence) p.emotional_valence = valence;
    if (audience) p.audience_level = audience;
    if (confidence.trim()) p.confidence = Number(confidence);
    return p;
  };

  const save = useMutation({
    mutationFn: (dimensions: DimensionsPatch) => endpoints.chunkDimensions.edit(chunk.id, { dimensions }),
    onSuccess: (saved) => {
      toast.success('Chunk dimensions saved', { description: 'They are kept as hand edits: deriving dimensions again will not overwrite them unless you ask.' });
      void client.invalidateQueries({ queryKey: queryKeys.documents.all });
      void client.invalidateQueries({ queryKey: queryKeys.chunkDimensions.chunk(chunk.id) });
      onSaved?.(saved);
    },
    onError: (err) => setProblem(err instanceof ApiError ? `${err.message} ${err.hint}` : String(err)),
  });

  const submit = () => {
    const parsed = chunkDimensionsPatchSchema.safeParse(patch());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(`${String(issue.path[0] ?? 'A field')} ${issue.message}.`);
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  };

  return (
    <form
      className="space-y-3 rounded-lg border border-border bg-surface p-3 text-sm"
      aria-label="Edit chunk dimensions"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {chunk.dimensionsSource && <p className="text-xs text-muted">Currently {SOURCE_TEXT[chunk.dimensionsSource] ?? chunk.dimensionsSource}.</p>}
      <label className="block">
        <span className={labelClass}>Summary</span>
        <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={2} maxLength={1000} className="w-full rounded-md border border-border bg-surface px-2 py-1" />
      </label>
      <label className="block">
        <span className={labelClass}>Key terms (separated by commas)</span>
        <input value={terms} onChange={(e) => setTerms(e.target.value)} className={fieldClass} />
      </label>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <label className="block">
          <span className={labelClass}>Expertise</span>
          <select value={expertise} onChange={(e) => setExpertise(e.target.value)} className={fieldClass}>
            <option value="">Not set</option>
            {EXPERTISE_LEVELS.map((v) => (
              <option key={v} value={v}>
                {EXPERTISE_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className={labelClass}>Sentiment</span>
          <select value={valence} onChange={(e) => setValence(e.target.value)} className={fieldClass}>
            <option value="">Not set</option>
            {EMOTIONAL_VALENCES.map((v) => (
              <option key={v} value={v}>
                {VALENCE_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className={labelClass}>Audience</span>
          <select value={audience} onChange={(e) => setAudience(e.target.value)} className={fieldClass}>
            <option value="">Not set</option>
            {AUDIENCE_LEVELS.map((v) => (
              <option key={v} value={v}>
                {AUDIENCE_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className={labelClass}>Confidence (0–10)</span>
          <input type="number" min={0} max={10} step={0.1} value={confidence} onChange={(e) => setConfidence(e.target.value)} className={fieldClass} />
        </label>
      </div>
      {problem && (
        <p className="text-danger" role="alert">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        {onCancel && (
          <Button type="button" variant="secondary" size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" size="sm" loading={save.isPending}>
          Save dimensions
        </Button>
      </div>
    </form>
  );
}
