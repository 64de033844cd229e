import type { SettingsResponse } from '../../../contract/settings';
import { TIER_LABELS, TIERS } from '../../../core/tiers';
import { Input } from '../../components/ui/input';
import { Card, Field, described, num, useSectionForm, SaveButton, saved } from './form';

/** How documents are cut into chunks and how plans are shared out: the settings a team's own material needs. */
export function MaterialCard({ documents, planning }: { documents: SettingsResponse['documents']; planning: SettingsResponse['planning'] }) {
  const initial: Record<string, string> = {
    chunkSize: String(documents.chunkSize),
    chunkOverlap: String(documents.chunkOverlap),
    maxUploadMb: String(documents.maxUploadMb),
    ...Object.fromEntries(TIERS.map((t) => [`split.${t}`, String(planning.tierSplit[t])])),
    ...Object.fromEntries(documents.categories.map((c) => [`weight.${c}`, String(documents.categoryWeights[c] ?? 1)])),
  };
  const { values, set, errors, save } = useSectionForm(initial);
  const submit = () =>
    save.mutate(
      {
        documents: {
          chunkSize: num(values.chunkSize),
          chunkOverlap: num(values.chunkOverlap),
          maxUploadMb: num(values.maxUploadMb),
          categoryWeights: Object.fromEntries(documents.categories.map((c) => [c, num(values[`weight.${c}`])])),
        },
        planning: { tierSplit: { template: num(values['split.template']), scenario: num(values['split.scenario']), edge_case: num(values['split.edge_case']) } },
      },
      { onSuccess: saved('Documents and planning') },
    );
  const e = (k: string) => errors[k];
  return (
    <Card
      id="settings-material"
      title="Documents and planning"
      description="How uploaded documents are cut into chunks, and how a plan shares conversations between tiers and document categories."
      footer={<SaveButton pending={save.isPending} onClick={submit} />}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="chunk-size" label="Chunk size (characters)" help="About a page is 1,500. A heading always starts a new chunk. Re-chunk a document to apply a change." error={e('documents.chunkSize')}>
          <Input {...described('chunk-size', e('documents.chunkSize'))} type="number" value={values.chunkSize} onChange={(ev) => set('chunkSize', ev.target.value)} />
        </Field>
        <Field id="chunk-overlap" label="Overlap (characters)" help="Text repeated from the end of one chunk at the start of the next, so no idea is cut in half." error={e('documents.chunkOverlap')}>
          <Input {...described('chunk-overlap', e('documents.chunkOverlap'))} type="number" value={values.chunkOverlap} onChange={(ev) => set('chunkOverlap', ev.target.value)} />
        </Field>
        <Field id="max-upload" label="Largest upload (MB)" help="Files above this are refused before they are read. Default 50." error={e('documents.maxUploadMb')}>
          <Input {...described('max-upload', e('documents.maxUploadMb'))} type="number" value={values.maxUploadMb} onChange={(ev) => set('maxUploadMb', ev.target.value)} />
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-text">Default tier split</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {TIERS.map((t) => (
            <Field key={t} id={`split-${t}`} label={TIER_LABELS[t]} error={e(`planning.tierSplit.${t}`) ?? e('planning.tierSplit')}>
              <Input {...described(`split-${t}`, e(`planning.tierSplit.${t}`))} type="number" min={0} max={100} value={values[`split.${t}`]} onChange={(ev) => set(`split.${t}`, ev.target.value)} />
            </Field>
          ))}
        </div>
        <p className="mt-1 text-xs text-muted">Relative shares a new plan starts with (40/35/15 gives 40 template, 35 scenario and 15 edge-case conversations out of 90).</p>
      </fieldset>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-text">Category weights</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {documents.categories.map((c) => (
            <Field key={c} id={`weight-${c}`} label={c} error={e(`documents.categoryWeights.${c}`)}>
              <Input {...described(`weight-${c}`, e(`documents.categoryWeights.${c}`))} type="number" min={0} max={100} step="0.5" value={values[`weight.${c}`]} onChange={(ev) => set(`weight.${c}`, ev.target.value)} />
            </Field>
          ))}
        </div>
        <p className="mt-1 text-xs text-muted">A category weighing 2 gets twice the conversations of one weighing 1 (when it has documents); 0 leaves it out of plans.</p>
      </fieldset>
    </Card>
  );
}
