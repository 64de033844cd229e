import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AlertTriangle, CheckCircle2 } from 'lucide-react';
import { toast } from 'sonner';
import type { ExportRequestInput } from '../../../contract/exports';
import type { SelectorFilter } from '../../../contract/runs';
import type { FormatId } from '../../../core/export/record';
import { FOLD_OPTION_LABEL, SYSTEM_ROLE_REFUSED_BY } from '../../../core/export/readiness';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { queries } from '../../lib/endpoints';
import { cn } from '../../lib/cn';
import { useCatalog } from '../../lib/queries';
import { downloadExport } from './download';
import { FORMAT_CHOICES, metadataHint } from './formats';
import { SplitSummary } from './split-summary';
import { BalanceSummary } from './balance-summary';
import { PreflightCheck } from '../preflight/preflight-check';

type Scope = 'approved' | 'view' | 'preset';
type Preset = 'template' | 'high' | 'persona';

const PRESETS: { id: Preset; label: string }[] = [
  { id: 'template', label: 'Template tier' },
  { id: 'high', label: 'High quality only (8–10)' },
  { id: 'persona', label: 'By persona' },
];

function presetFilter(preset: Preset, persona: string): SelectorFilter {
  if (preset === 'template') return { tier: ['template'] };
  if (preset === 'high') return { quality: ['high'] };
  return persona ? { persona: [persona] } : {};
}

const inputClass = 'h-8 w-full rounded-md border border-border bg-surface px-2 text-sm';

/**
 * Export (US5.1.1, US5.1.2, US5.2.1): a format; approved conversations (the default), the
 * current filtered view or a preset; options; then a preview of the first records and the
 * validator's report before anything downloads. The file streams to disk.
 */
export function ExportDialog({ open, onOpenChange, viewFilter, initial }: { open: boolean; onOpenChange: (open: boolean) => void; viewFilter: SelectorFilter; initial?: ExportRequestInput }) {
  const { data: catalog } = useCatalog();
  const [format, setFormat] = useState<FormatId>('openai');
  const [scope, setScope] = useState<Scope>('approved');
  const [preset, setPreset] = useState<Preset>('template');
  const [persona, setPersona] = useState('');
  const [approvedOnly, setApprovedOnly] = useState(true);
  const [systemPrompt, setSystemPrompt] = useState('');
  const [foldSystemPrompt, setFoldSystemPrompt] = useState(false);
  const [includeMetadata, setIncludeMetadata] = useState(false);
  const [excludeNearDuplicates, setExcludeNearDuplicates] = useState(false);
  const [split, setSplit] = useState(false);
  const [validationPercent, setValidationPercent] = useState('10');
  const [datasetCard, setDatasetCard] = useState(false);
  const [fileName, setFileName] = useState('');

  useEffect(() => {
    if (!open) return;
    // A re-run from the history opens with that export's settings.
    setFormat((initial?.format as FormatId) ?? 'openai');
    setScope(initial?.selection ? 'view' : 'approved');
    setApprovedOnly(initial?.approvedOnly ?? true);
    setSystemPrompt(initial?.options?.systemPrompt ?? '');
    setFoldSystemPrompt(initial?.options?.foldSystemPrompt ?? false);
    setIncludeMetadata(initial?.options?.includeMetadata ?? false);
    setExcludeNearDuplicates(initial?.options?.excludeNearDuplicates ?? false);
    setSplit(Boolean(initial?.split));
    setValidationPercent(initial?.split ? String(Math.round(initial.split.validationFraction * 100)) : '10');
    setDatasetCard(initial?.datasetCard ?? false);
    setFileName(initial?.fileName ?? '');
  }, [open, initial]);

  const filtered = Object.keys(viewFilter).length > 0;
  const fraction = Number(validationPercent) / 100;
  const splitInvalid = split && !(fraction > 0 && fraction <= 0.5);
  const request: ExportRequestInput = useMemo(() => {
    const filter = scope === 'view' ? (initial?.selection && 'filter' in initial.selection ? initial.selection.filter : viewFilter) : scope === 'preset' ? presetFilter(preset, persona) : undefined;
    return {
      format,
      ...(filter && Object.keys(filter).length ? { selection: { filter } } : {}),
      approvedOnly: scope === 'approved' ? true : approvedOnly,
      options: {
        ...(systemPrompt.trim() ? { systemPrompt: systemPrompt.trim(), ...(foldSystemPrompt && format !== 'json' ? { foldSystemPrompt: true } : {}) } : {}),
        ...(includeMetadata && format !== 'json' ? { includeMetadata: true } : {}),
        ...(excludeNearDuplicates ? { excludeNearDuplicates: true } : {}),
      },
      ...(split && format !== 'json' && !splitInvalid ? { split: { validationFraction: fraction, seed: 42 } } : {}),
      datasetCard,
      ...(fileName.trim() ? { fileName: fileName.trim() } : {}),
    };
  }, [format, scope, preset, persona, approvedOnly, systemPrompt, foldSystemPrompt, includeMetadata, excludeNearDuplicates, split, fraction, splitInvalid, datasetCard, fileName, viewFilter, initial]);

  const preview = useQuery({
    ...queries.exportPreview(request),
    enabled: open && !splitInvalid,
    retry: false,
  });
  const p = preview.data;

  const start = () => {
    if (!p) return;
    downloadExport(request);
    const written = p.validation.invalid && p.checked === p.count ? p.count - p.validation.invalid : p.count;
    toast.success(`Exported ${written.toLocaleString()} ${request.approvedOnly ? 'approved ' : ''}conversation${written === 1 ? '' : 's'}`, {
      description: `${p.fileName} is downloading.${p.validation.invalid ? ` ${p.validation.invalid} left out: see the export history for why.` : ''}`,
    });
    onOpenChange(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Export conversations"
      description="Training files for fine-tuning, checked against each service's rules before they are written."
      className="w-[min(760px,calc(100vw-2rem))]"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" onClick={start} disabled={!p || preview.isFetching} loading={preview.isFetching}>
            {p ? `Export ${p.count.toLocaleString()}` : 'Export'}
          </Button>
        </>
      }
    >
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-4">
          <fieldset>
            <legend className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Format</legend>
            <div className="space-y-1" role="radiogroup" aria-label="Format">
              {FORMAT_CHOICES.map((f) => (
                <label key={f.id} className={cn('flex cursor-pointer items-start gap-2 rounded-md border p-2', format === f.id ? 'border-primary bg-primary-soft' : 'border-border')}>
                  <input type="radio" name="format" checked={format === f.id} onChange={() => setFormat(f.id)} className="mt-1" />
                  <span>
                    <span className="block text-sm font-medium">{f.label}</span>
                    <span className="block text-xs text-muted">{f.hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="space-y-1.5">
            <legend className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Which conversations</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" checked={scope === 'approved'} onChange={() => setScope('approved')} />
              All approved conversations
            </label>
            <label className={cn('flex items-center gap-2 text-sm', !filtered && !initial?.selection && 'text-muted')}>
              <input type="radio" name="scope" checked={scope === 'view'} onChange={() => setScope('view')} disabled={!filtered && !initial?.selection} />
              {initial?.selection ? 'The same selection as that export' : filtered ? 'The current filtered view' : 'The current filtered view (no filter set)'}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" checked={scope === 'preset'} onChange={() => setScope('preset')} />
              A preset:
              <select value={preset} onChange={(e) => (setScope('preset'), setPreset(e.target.value as Preset))} className="h-7 rounded-md border border-border bg-surface px-1 text-sm" aria-label="Preset">
                {PRESETS.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label}
                  </option>
                ))}
              </select>
            </label>
            {scope === 'preset' && preset === 'persona' && (
              <select value={persona} onChange={(e) => setPersona(e.target.value)} className={inputClass} aria-label="Persona">
                <option value="">Choose a persona…</option>
                {catalog?.persona.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.label}
                  </option>
                ))}
              </select>
            )}
            {scope !== 'approved' && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={approvedOnly} onChange={(e) => setApprovedOnly(e.target.checked)} />
                Approved only
              </label>
            )}
          </fieldset>
        </div>
        <div className="space-y-3">
          <label className="block">
            <span className="mb-1 block text-xs font-semibold tracking-wide text-muted uppercase">System prompt (optional)</span>
            <textarea value={systemPrompt} onChange={(e) => setSystemPrompt(e.target.value)} rows={3} maxLength={20000} placeholder="You are a patient financial guide…" className="w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm" />
          </label>
          <label className={cn('flex items-start gap-2 text-sm', (!systemPrompt.trim() || format === 'json') && 'text-muted')}>
            <input type="checkbox" className="mt-1" checked={foldSystemPrompt && format !== 'json'} onChange={(e) => setFoldSystemPrompt(e.target.checked)} disabled={!systemPrompt.trim() || format === 'json'} />
            <span>
              {FOLD_OPTION_LABEL}
              <span className="block text-xs text-muted">For base models whose chat template refuses a system role ({SYSTEM_ROLE_REFUSED_BY.join(', ')}): the prompt starts the first user message, followed by a blank line.</span>
            </span>
          </label>
          <label className={cn('flex items-start gap-2 text-sm', format === 'json' && 'text-muted')}>
            <input type="checkbox" className="mt-1" checked={includeMetadata || format === 'json'} onChange={(e) => setIncludeMetadata(e.target.checked)} disabled={format === 'json'} />
            <span>
              Include metadata
              <span className="block text-xs text-muted" data-testid="metadata-hint">
                {metadataHint(format)}
              </span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-1" checked={excludeNearDuplicates} onChange={(e) => setExcludeNearDuplicates(e.target.checked)} data-testid="exclude-near-duplicates" />
            <span>
              Leave out near-duplicates
              <span className="block text-xs text-muted">Conversations nearly the same as an earlier one are left out; the earlier one is kept.</span>
            </span>
          </label>
          <label className={cn('flex items-center gap-2 text-sm', format === 'json' && 'text-muted')}>
            <input type="checkbox" checked={split && format !== 'json'} onChange={(e) => setSplit(e.target.checked)} disabled={format === 'json'} />
            Train / validation split,
            <input value={validationPercent} onChange={(e) => setValidationPercent(e.target.value.replace(/[^\d.]/g, ''))} className="h-7 w-12 rounded-md border border-border bg-surface px-1 text-sm" aria-label="Validation percent" disabled={!split || format === 'json'} />% validation
          </label>
          {splitInvalid && <p className="text-xs text-danger">The validation share must be above 0 % and at most 50 %.</p>}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={datasetCard} onChange={(e) => setDatasetCard(e.target.checked)} />
            Dataset card (README.md with statistics)
          </label>
          <label className="block">
            <span className="mb-1 block text-xs font-semibold tracking-wide text-muted uppercase">File name (optional)</span>
            <input value={fileName} onChange={(e) => setFileName(e.target.value)} maxLength={100} placeholder={p?.fileName ?? 'training-data-…'} className={inputClass} aria-label="File name" />
          </label>
          <section className="rounded-lg border border-border p-3" aria-label="Export preview" data-testid="export-preview">
            {preview.isFetching && !p && <p className="text-sm text-muted">Checking…</p>}
            {preview.error && <p className="text-sm text-danger">{preview.error instanceof ApiError ? `${preview.error.message} ${preview.error.hint}` : String(preview.error)}</p>}
            {p && (
              <div className="space-y-2 text-sm">
                <p className="font-medium" data-testid="export-count">
                  Exporting {p.count.toLocaleString()} conversation{p.count === 1 ? '' : 's'}
                  {request.selection ? ' matching the filters' : ''} as <span className="font-mono text-xs">{p.fileName}</span>
                </p>
                {p.files.length > 1 && <p className="text-xs text-muted">In the zip: {p.files.join(', ')}</p>}
                {p.nearDuplicatesLeftOut > 0 && <p className="text-xs text-muted" data-testid="near-duplicates-left-out">{p.nearDuplicatesLeftOut.toLocaleString()} near-duplicate{p.nearDuplicatesLeftOut === 1 ? '' : 's'} left out.</p>}
                {p.unreviewedCount > 0 && <p className="text-xs text-warning">{p.unreviewedCount.toLocaleString()} of them nobody has approved or rejected yet.</p>}
                <p className={cn('flex items-start gap-1.5 text-xs', p.validation.invalid || p.validation.warnings.length ? 'text-warning' : 'text-success')} data-testid="export-validation">
                  {p.validation.invalid || p.validation.warnings.length ? <AlertTriangle className="h-3.5 w-3.5 shrink-0" aria-hidden /> : <CheckCircle2 className="h-3.5 w-3.5 shrink-0" aria-hidden />}
                  {p.validation.summary}
                  {p.checked < p.count && ` (checked the first ${p.checked.toLocaleString()}; the export checks all of them).`}
                </p>
                {p.split && <SplitSummary split={p.split} />}
                <BalanceSummary request={request} />
                <PreflightCheck request={request} />
                {p.validation.examples.slice(0, 3).map((e) => (
                  <p key={e.conversationId} className="text-xs text-muted">
                    <span className="font-mono">{e.conversationId}</span>: {e.problems[0]?.message} — left out of the file.
                  </p>
                ))}
                {p.sample.length > 0 && (
                  <pre className="max-h-40 overflow-auto rounded bg-surface-muted p-2 text-[11px] leading-snug whitespace-pre-wrap" aria-label="First records">
                    {p.sample.join('\n')}
                  </pre>
                )}
              </div>
            )}
          </section>
        </div>
      </div>
    </Dialog>
  );
}
