import { useState } from 'react';
import { toast } from 'sonner';
import type { SecretSetting, SettingsResponse } from '../../../contract/settings';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { cn } from '../../lib/cn';
import { type Errors, useSave, Field, described } from './form';

export const KEYS: { name: SecretSetting; label: string; env: string }[] = [
  { name: 'anthropicApiKey', label: 'Anthropic API key', env: 'ANTHROPIC_API_KEY' },
  { name: 'openaiApiKey', label: 'OpenAI API key', env: 'OPENAI_API_KEY' },
];

export function ApiKeyRow({ name, label, env, status }: { name: SecretSetting; label: string; env: string; status: SettingsResponse['secrets'][SecretSetting] }) {
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const save = useSave(setErrors);
  const id = `key-${name}`;
  const statusText = status.configured ? `Configured · …${status.last4} · from ${status.source === 'environment' ? `the environment (${env})` : 'settings'}` : 'Not configured';
  return (
    <div className="rounded-md border border-border p-3">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium">{label}</p>
        <p className={cn('text-xs', status.configured ? 'text-success' : 'text-muted')} data-testid={`${name}-status`}>
          {statusText}
        </p>
      </div>
      <Field id={id} label={`New ${label}`} error={errors[name]} help={status.source === 'environment' ? `${env} is set on the server and wins over a key saved here.` : 'Stored encrypted; only its last four characters are ever shown.'}>
        <div className="flex gap-2">
          <Input {...described(id, errors[name])} type="password" autoComplete="off" placeholder="Paste a key to replace the current one" value={value} onChange={(ev) => setValue(ev.target.value)} />
          <Button
            variant="primary"
            loading={save.isPending && save.variables?.[name] !== null}
            disabled={!value.trim()}
            onClick={() => save.mutate({ [name]: value }, { onSuccess: () => { setValue(''); toast.success(`${label} saved`); } })}
          >
            Save key
          </Button>
          {status.source === 'settings' && (
            <Button variant="secondary" loading={save.isPending && save.variables?.[name] === null} onClick={() => save.mutate({ [name]: null }, { onSuccess: () => toast.success(`${label} removed`) })}>
              Remove
            </Button>
          )}
        </div>
      </Field>
    </div>
  );
}


export const KEY_LABELS = Object.fromEntries(KEYS.map((k) => [k.name, k.label]));
