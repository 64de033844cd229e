import { useQuery } from '@tanstack/react-query';
import type { SettingsResponse } from '../../../contract/settings';
import { Input } from '../../components/ui/input';
import { queries } from '../../lib/endpoints';
import { Card, Field, described, num, useSectionForm, SaveButton, saved } from './form';

/** Trainer preflight: the base model the table's Tokens column counts for, and the trainer's maximum sequence length. */
export function PreflightCard({ settings }: { settings: SettingsResponse['preflight'] }) {
  const models = useQuery({ ...queries.preflightModels(), staleTime: 60_000 });
  const { values, set, errors, save } = useSectionForm({ baseModel: settings.baseModel, maxSeqLen: String(settings.maxSeqLen) });
  const submit = () => save.mutate({ preflight: { baseModel: values.baseModel, maxSeqLen: num(values.maxSeqLen) } }, { onSuccess: saved('Trainer preflight') });
  const e = (k: string) => errors[`preflight.${k}`];
  const chosen = models.data?.items.find((m) => m.id === values.baseModel);
  return (
    <Card
      id="settings-preflight"
      title="Trainer preflight"
      description="The base model you will fine-tune: the table's Tokens column, its filter and the export check count with its chat template and tokenizer."
      footer={<SaveButton pending={save.isPending} onClick={submit} />}
    >
      <Field
        id="preflight-model"
        label="Base model"
        help={chosen && !chosen.installed ? `Its tokenizer is not installed on this server: add it with ${chosen.installCommand}.` : (chosen?.notes ?? 'Llama 3.1, Qwen 3 or Gemma 3.')}
        error={e('baseModel')}
      >
        <select {...described('preflight-model', e('baseModel'))} value={values.baseModel} onChange={(ev) => set('baseModel', ev.target.value as typeof values.baseModel)} className="h-9 w-full rounded-md border border-border bg-surface px-2 text-sm">
          {(models.data?.items ?? [{ id: values.baseModel, label: values.baseModel, installed: true }]).map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
              {m.installed ? '' : ' (not installed)'}
            </option>
          ))}
        </select>
      </Field>
      <Field id="preflight-max" label="Max sequence length (tokens)" help="The trainer's limit (max_seq_length): longer conversations are truncated. 128 to 1,048,576; the default is 4,096." error={e('maxSeqLen')}>
        <Input {...described('preflight-max', e('maxSeqLen'))} type="number" step="128" value={values.maxSeqLen} onChange={(ev) => set('maxSeqLen', ev.target.value)} />
      </Field>
    </Card>
  );
}
