import type { SettingsResponse } from '../../../contract/settings';
import { LIMIT_FIELDS, type LimitField, type RateLimitOverrides } from '../../../core/rate-limit-policy';
import { RATE_LIMIT_PRESETS, RATE_LIMIT_PRESET_IDS } from '../../../core/rate-limit-presets';
import { Input } from '../../components/ui/input';
import { SELECT_CLASS, Card, Field, described, num, useSectionForm, SaveButton, saved } from './form';
import { LIMIT_LABELS, RateLimitsInForce } from './rate-limits-in-force';

const PROVIDERS = [
  { id: 'auto', label: 'Automatic', help: 'Claude when an Anthropic key is set, otherwise an OpenAI-compatible server when one is configured, otherwise the offline generator.' },
  { id: 'offline', label: 'Offline', help: 'Built-in generator with no API calls and no cost; for trying convgen out.' },
  { id: 'anthropic', label: 'Anthropic (Claude)', help: 'Always use Claude; needs an Anthropic API key.' },
  { id: 'openai', label: 'OpenAI-compatible', help: 'OpenAI or any server with the same API (vLLM, Ollama, LM Studio…).' },
] as const;

const presetRequests = (id: (typeof RATE_LIMIT_PRESET_IDS)[number]) => {
  const rpm = RATE_LIMIT_PRESETS[id].limits.requestsPerMinute;
  return rpm === null ? 'no request limit' : `${rpm.toLocaleString('en-US')} requests/min`;
};
const PRESET_NAMES: Record<(typeof RATE_LIMIT_PRESET_IDS)[number], string> = {
  'anthropic-tier-1': 'Anthropic tier 1',
  'anthropic-tier-2': 'Anthropic tier 2',
  'anthropic-tier-3': 'Anthropic tier 3',
  'anthropic-tier-4': 'Anthropic tier 4',
  'openai-default': 'OpenAI default',
  unlimited: 'No limit',
};

const OVERRIDE_KEYS: Record<LimitField, `limit_${LimitField}`> = {
  requestsPerMinute: 'limit_requestsPerMinute',
  inputTokensPerMinute: 'limit_inputTokensPerMinute',
  outputTokensPerMinute: 'limit_outputTokensPerMinute',
  tokensPerMinute: 'limit_tokensPerMinute',
};

/** Only the fields an admin filled in: an empty one follows the provider. */
function overridesOf(values: Record<string, string>): RateLimitOverrides {
  const overrides: RateLimitOverrides = {};
  for (const field of LIMIT_FIELDS) {
    const raw = values[OVERRIDE_KEYS[field]].trim();
    if (raw !== '') overrides[field] = num(raw);
  }
  return overrides;
}

const RATE_LIMIT_HELP: Record<string, string> = {
  learn: 'convgen reads the limits your provider announces on every answer and keeps under them, so runs go as fast as your account allows. Until the first answer it sends one request at a time.',
  custom: 'Custom limits set through the API; convgen never goes above what the provider announces.',
};

export function GenerationCard({ settings }: { settings: SettingsResponse['generation'] }) {
  const { values, set, errors, save } = useSectionForm({
    provider: settings.provider as string,
    anthropicModel: settings.anthropicModel,
    openaiModel: settings.openaiModel,
    openaiBaseUrl: settings.openaiBaseUrl ?? '',
    temperature: String(settings.temperature),
    maxTokens: String(settings.maxTokens),
    concurrency: String(settings.concurrency),
    rateLimitPreset: settings.rateLimitPreset as string,
    limit_requestsPerMinute: String(settings.rateLimitOverrides.requestsPerMinute ?? ''),
    limit_inputTokensPerMinute: String(settings.rateLimitOverrides.inputTokensPerMinute ?? ''),
    limit_outputTokensPerMinute: String(settings.rateLimitOverrides.outputTokensPerMinute ?? ''),
    limit_tokensPerMinute: String(settings.rateLimitOverrides.tokensPerMinute ?? ''),
  });
  const learning = values.rateLimitPreset === 'learn';
  const provider = PROVIDERS.find((p) => p.id === values.provider);
  const submit = () =>
    save.mutate(
      {
        generation: {
          provider: values.provider as SettingsResponse['generation']['provider'],
          anthropicModel: values.anthropicModel,
          openaiModel: values.openaiModel,
          openaiBaseUrl: values.openaiBaseUrl.trim() === '' ? null : values.openaiBaseUrl.trim(),
          temperature: num(values.temperature),
          maxTokens: num(values.maxTokens),
          concurrency: num(values.concurrency),
          rateLimitPreset: values.rateLimitPreset as SettingsResponse['generation']['rateLimitPreset'],
          ...(learning ? { rateLimitOverrides: overridesOf(values) } : {}),
        },
      },
      { onSuccess: saved('Generation settings') },
    );
  const e = (k: string) => errors[`generation.${k}`];
  return (
    <Card id="settings-generation" title="Generation" description="Which model writes the conversations and how hard convgen may use it." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <Field id="gen-provider" label="Provider" help={provider?.help} error={e('provider')}>
        <select {...described('gen-provider', e('provider'))} className={SELECT_CLASS} value={values.provider} onChange={(ev) => set('provider', ev.target.value)}>
          {PROVIDERS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="gen-anthropic-model" label="Anthropic model" help="The Claude model used when the provider is Anthropic." error={e('anthropicModel')}>
          <Input {...described('gen-anthropic-model', e('anthropicModel'))} value={values.anthropicModel} onChange={(ev) => set('anthropicModel', ev.target.value)} />
        </Field>
        <Field id="gen-openai-model" label="OpenAI-compatible model" help="The model name your OpenAI-compatible server expects." error={e('openaiModel')}>
          <Input {...described('gen-openai-model', e('openaiModel'))} value={values.openaiModel} onChange={(ev) => set('openaiModel', ev.target.value)} />
        </Field>
      </div>
      <Field id="gen-openai-base-url" label="OpenAI-compatible base URL" help="Leave empty for OpenAI itself; set it for a local or self-hosted server, e.g. http://localhost:11434/v1." error={e('openaiBaseUrl')}>
        <Input {...described('gen-openai-base-url', e('openaiBaseUrl'))} placeholder="https://api.openai.com/v1" value={values.openaiBaseUrl} onChange={(ev) => set('openaiBaseUrl', ev.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="gen-temperature" label="Temperature" help="0 to 2; higher is more varied. Applies to OpenAI-compatible servers only." error={e('temperature')}>
          <Input {...described('gen-temperature', e('temperature'))} type="number" step="0.1" value={values.temperature} onChange={(ev) => set('temperature', ev.target.value)} />
        </Field>
        <Field id="gen-max-tokens" label="Max tokens" help="Longest answer the model may write per request (256–64 000)." error={e('maxTokens')}>
          <Input {...described('gen-max-tokens', e('maxTokens'))} type="number" value={values.maxTokens} onChange={(ev) => set('maxTokens', ev.target.value)} />
        </Field>
        <Field id="gen-concurrency" label="Conversations at a time" help="How many conversations are generated in parallel (1–20)." error={e('concurrency')}>
          <Input {...described('gen-concurrency', e('concurrency'))} type="number" value={values.concurrency} onChange={(ev) => set('concurrency', ev.target.value)} />
        </Field>
      </div>
      <Field
        id="gen-rate-limit"
        label="Rate limits"
        help={RATE_LIMIT_HELP[values.rateLimitPreset] ?? "A tier you chose: convgen keeps to it, but never goes above what the provider announces (it would refuse those requests)."}
        error={e('rateLimitPreset')}
      >
        <select {...described('gen-rate-limit', e('rateLimitPreset'))} className={SELECT_CLASS} value={values.rateLimitPreset} onChange={(ev) => set('rateLimitPreset', ev.target.value)}>
          <option value="learn">Learn from the provider (recommended)</option>
          {RATE_LIMIT_PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {PRESET_NAMES[id]} · {presetRequests(id)}
            </option>
          ))}
          {values.rateLimitPreset === 'custom' && <option value="custom">Custom limits (set through the API)</option>}
        </select>
      </Field>
      {learning && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-text">Your own limits (optional)</legend>
          <p className="text-xs text-muted">Leave a field empty to follow the provider. A value here wins while it is below what the provider allows, for example to leave room for other apps on the same key.</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {LIMIT_FIELDS.map((field) => {
              const key = OVERRIDE_KEYS[field];
              const id = `gen-limit-${field}`;
              const error = e(`rateLimitOverrides.${field}`) ?? e('rateLimitOverrides');
              return (
                <Field key={field} id={id} label={LIMIT_LABELS[field]} error={error}>
                  <Input {...described(id, error)} type="number" min={1} placeholder="from the provider" value={values[key]} onChange={(ev) => set(key, ev.target.value)} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      )}
      <RateLimitsInForce />
    </Card>
  );
}
