import { useState, type ReactNode } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Lock } from 'lucide-react';
import { toast } from 'sonner';
import { can, PERMISSIONS, ROLES, type Permission } from '../../accounts/roles';
import type { RetentionResult } from '../../contract/audit';
import type { SecretSetting, SettingsHistoryPage, SettingsPatch, SettingsResponse } from '../../contract/settings';
import { RATE_LIMIT_PRESETS } from '../../core/rate-limit';
import { Button } from '../components/ui/button';
import { Input } from '../components/ui/input';
import { Skeleton } from '../components/ui/skeleton';
import { api, ApiError } from '../lib/api';
import { cn } from '../lib/cn';
import { formatDate } from '../lib/format';
import { useMe } from '../lib/queries';

type Errors = Record<string, string>;

/** Plain names for the settings as the history lists them (dotted keys). */
const SETTING_LABELS: Record<string, string> = {
  'generation.provider': 'Provider',
  'generation.anthropicModel': 'Anthropic model',
  'generation.openaiModel': 'OpenAI-compatible model',
  'generation.openaiBaseUrl': 'OpenAI-compatible base URL',
  'generation.temperature': 'Temperature',
  'generation.maxTokens': 'Max tokens',
  'generation.concurrency': 'Conversations at a time',
  'generation.rateLimitPreset': 'Rate limits',
  'budget.defaultSpendingLimitUsd': 'Default spending limit',
  'budget.warnAtPercent': 'Budget warning',
  'quality.minApprovalScore': 'Minimum score for approval',
  'retention.logsDays': 'Keep generation logs (days)',
  'retention.exportsDays': 'Keep export history (days)',
  'privacy.redactPiiInLogs': 'Redact personal data in logs',
  anthropicApiKey: 'Anthropic API key',
  openaiApiKey: 'OpenAI API key',
};

const PERMISSION_LABELS: Record<Permission, string> = {
  'conversations:read': 'See conversations',
  'conversations:generate': 'Generate conversations',
  'conversations:review': 'Approve and reject conversations',
  'conversations:delete': 'Delete conversations',
  'runs:read': 'See generation runs',
  'runs:manage': 'Start, pause and cancel runs',
  'catalog:read': 'See personas, emotions and topics',
  'exports:create': 'Export training data',
  'audit:read': 'See the audit trail and reports',
  'settings:read': 'See workspace settings',
  'settings:write': 'Change workspace settings and API keys',
  'users:manage': 'Add users and choose their roles',
};

const PROVIDERS = [
  { id: 'auto', label: 'Automatic', help: 'Claude when an Anthropic key is set, otherwise an OpenAI-compatible server when one is configured, otherwise the offline generator.' },
  { id: 'offline', label: 'Offline', help: 'Built-in generator with no API calls and no cost; for trying convgen out.' },
  { id: 'anthropic', label: 'Anthropic (Claude)', help: 'Always use Claude; needs an Anthropic API key.' },
  { id: 'openai', label: 'OpenAI-compatible', help: 'OpenAI or any server with the same API (vLLM, Ollama, LM Studio…).' },
] as const;

const presetRequests = (id: keyof typeof RATE_LIMIT_PRESETS) => {
  const rpm = RATE_LIMIT_PRESETS[id].limits.requestsPerMinute;
  return rpm === null ? 'no request limit' : `${rpm.toLocaleString('en-US')} requests/min`;
};
const PRESET_NAMES: Record<keyof typeof RATE_LIMIT_PRESETS, string> = {
  'anthropic-tier-1': 'Anthropic tier 1',
  'anthropic-tier-2': 'Anthropic tier 2',
  'anthropic-tier-3': 'Anthropic tier 3',
  'anthropic-tier-4': 'Anthropic tier 4',
  'openai-default': 'OpenAI default',
  unlimited: 'No limit',
};

const SELECT_CLASS = 'h-9 w-full rounded-md border border-border bg-surface px-2.5 text-sm text-text shadow-sm focus:border-primary focus:outline-none focus:ring-2 focus:ring-primary/20';

/** The field an API validation error names ("generation.maxTokens"), if any. */
function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const field = error.details.field;
  return typeof field === 'string' && field ? field : null;
}

function useSave(onFieldError: (errors: Errors) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.patch<SettingsResponse>('/api/settings', patch),
    onSuccess: (data, _patch) => {
      client.setQueryData(['settings'], data);
      void client.invalidateQueries({ queryKey: ['settings-history'] });
      void client.invalidateQueries({ queryKey: ['provider'] });
      onFieldError({});
    },
    onError: (error) => {
      const field = errorField(error);
      onFieldError(field ? { [field]: error.message } : {});
      toast.error('Not saved', { description: error.message });
    },
  });
}

function Card({ id, title, description, children, footer }: { id: string; title: string; description: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col rounded-lg border border-border bg-surface shadow-sm">
      <header className="border-b border-border px-4 py-3">
        <h2 id={`${id}-heading`} className="text-[15px] font-semibold">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-muted">{description}</p>
      </header>
      <div className="flex-1 space-y-4 px-4 py-4">{children}</div>
      {footer && <footer className="flex items-center justify-end gap-2 border-t border-border px-4 py-3">{footer}</footer>}
    </section>
  );
}

function Field({ id, label, help, error, children }: { id: string; label: string; help?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-text">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      )}
      {help && (
        <p id={`${id}-help`} className="mt-1 text-xs text-muted">
          {help}
        </p>
      )}
    </div>
  );
}

const described = (id: string, error?: string) => ({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error ${id}-help` : `${id}-help` });
const num = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** One section's form: string drafts, the field errors from the last save, and Save sending only this section. */
function useSectionForm<T extends Record<string, string | boolean>>(initial: T) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const save = useSave(setErrors);
  const set = <K extends keyof T>(key: K, value: T[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  return { values, set, errors, save };
}

function SaveButton({ pending, onClick, label = 'Save' }: { pending: boolean; onClick: () => void; label?: string }) {
  return (
    <Button variant="primary" loading={pending} onClick={onClick}>
      {label}
    </Button>
  );
}

const saved = (title: string) => () => toast.success(`${title} saved`);

function GenerationCard({ settings }: { settings: SettingsResponse['generation'] }) {
  const { values, set, errors, save } = useSectionForm({
    provider: settings.provider as string,
    anthropicModel: settings.anthropicModel,
    openaiModel: settings.openaiModel,
    openaiBaseUrl: settings.openaiBaseUrl ?? '',
    temperature: String(settings.temperature),
    maxTokens: String(settings.maxTokens),
    concurrency: String(settings.concurrency),
    rateLimitPreset: settings.rateLimitPreset as string,
  });
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
      <Field id="gen-rate-limit" label="Rate limits" help="Match your API account's tier so convgen slows down before the provider refuses requests." error={e('rateLimitPreset')}>
        <select {...described('gen-rate-limit', e('rateLimitPreset'))} className={SELECT_CLASS} value={values.rateLimitPreset} onChange={(ev) => set('rateLimitPreset', ev.target.value)}>
          {(Object.keys(RATE_LIMIT_PRESETS) as (keyof typeof RATE_LIMIT_PRESETS)[]).map((id) => (
            <option key={id} value={id}>
              {PRESET_NAMES[id]} · {presetRequests(id)}
            </option>
          ))}
          {values.rateLimitPreset === 'custom' && <option value="custom">Custom limits (set through the API)</option>}
        </select>
      </Field>
    </Card>
  );
}

const KEYS: { name: SecretSetting; label: string; env: string }[] = [
  { name: 'anthropicApiKey', label: 'Anthropic API key', env: 'ANTHROPIC_API_KEY' },
  { name: 'openaiApiKey', label: 'OpenAI API key', env: 'OPENAI_API_KEY' },
];

function ApiKeyRow({ name, label, env, status }: { name: SecretSetting; label: string; env: string; status: SettingsResponse['secrets'][SecretSetting] }) {
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

function BudgetCard({ settings }: { settings: SettingsResponse['budget'] }) {
  const { values, set, errors, save } = useSectionForm({ defaultSpendingLimitUsd: settings.defaultSpendingLimitUsd === null ? '' : String(settings.defaultSpendingLimitUsd), warnAtPercent: String(settings.warnAtPercent) });
  const submit = () =>
    save.mutate(
      { budget: { defaultSpendingLimitUsd: values.defaultSpendingLimitUsd.trim() === '' ? null : num(values.defaultSpendingLimitUsd), warnAtPercent: num(values.warnAtPercent) } },
      { onSuccess: saved('Budget') },
    );
  const e = (k: string) => errors[`budget.${k}`];
  return (
    <Card id="settings-budget" title="Budget" description="Spending limits new generation runs start with." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <Field id="budget-limit" label="Default spending limit (USD)" help="A run stops before it spends more than this. Leave empty for no limit." error={e('defaultSpendingLimitUsd')}>
        <Input {...described('budget-limit', e('defaultSpendingLimitUsd'))} type="number" step="0.01" placeholder="No limit" value={values.defaultSpendingLimitUsd} onChange={(ev) => set('defaultSpendingLimitUsd', ev.target.value)} />
      </Field>
      <Field id="budget-warn" label="Warn at (% of the limit)" help="A warning appears once a run has spent this share of its limit (1–99)." error={e('warnAtPercent')}>
        <Input {...described('budget-warn', e('warnAtPercent'))} type="number" value={values.warnAtPercent} onChange={(ev) => set('warnAtPercent', ev.target.value)} />
      </Field>
    </Card>
  );
}

function QualityCard({ settings }: { settings: SettingsResponse['quality'] }) {
  const { values, set, errors, save } = useSectionForm({ minApprovalScore: String(settings.minApprovalScore) });
  const submit = () => save.mutate({ quality: { minApprovalScore: num(values.minApprovalScore) } }, { onSuccess: saved('Quality settings') });
  const error = errors['quality.minApprovalScore'];
  return (
    <Card id="settings-quality" title="Quality" description="The bar a conversation has to clear." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <Field id="quality-min-score" label="Minimum score for approval" help="The lowest quality score (0–10) a conversation should have to be approved. The default is 6." error={error}>
        <Input {...described('quality-min-score', error)} type="number" step="0.5" value={values.minApprovalScore} onChange={(ev) => set('minApprovalScore', ev.target.value)} />
      </Field>
    </Card>
  );
}

function RetentionCard({ settings }: { settings: SettingsResponse['retention'] }) {
  const { values, set, errors, save } = useSectionForm({ logsDays: String(settings.logsDays), exportsDays: String(settings.exportsDays) });
  const submit = () => save.mutate({ retention: { logsDays: num(values.logsDays), exportsDays: num(values.exportsDays) } }, { onSuccess: saved('Retention') });
  const run = useMutation({
    mutationFn: () => api.post<RetentionResult>('/api/admin/retention/run'),
    onSuccess: (r) => toast.success('Cleanup finished', { description: `${r.generationLogsDeleted} generation logs and ${r.exportLogsDeleted} export records deleted.` }),
    onError: (error) => toast.error('Cleanup failed', { description: error.message }),
  });
  const e = (k: string) => errors[`retention.${k}`];
  return (
    <Card
      id="settings-retention"
      title="Retention"
      description="How long records are kept. Cleanup runs every 6 hours; conversations themselves are never deleted by it."
      footer={
        <>
          <Button loading={run.isPending} onClick={() => run.mutate()}>
            Run cleanup now
          </Button>
          <SaveButton pending={save.isPending} onClick={submit} />
        </>
      }
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="retention-logs" label="Keep generation logs (days)" help="Prompts and model answers of each request. Default 90." error={e('logsDays')}>
          <Input {...described('retention-logs', e('logsDays'))} type="number" value={values.logsDays} onChange={(ev) => set('logsDays', ev.target.value)} />
        </Field>
        <Field id="retention-exports" label="Keep export history (days)" help="The list of past exports. Default 365." error={e('exportsDays')}>
          <Input {...described('retention-exports', e('exportsDays'))} type="number" value={values.exportsDays} onChange={(ev) => set('exportsDays', ev.target.value)} />
        </Field>
      </div>
      {run.data && (
        <p role="status" className="rounded-md bg-surface-muted px-3 py-2 text-sm" data-testid="retention-result">
          Last cleanup ({formatDate(run.data.startedAt)}): {run.data.generationLogsDeleted.toLocaleString()} generation logs and {run.data.exportLogsDeleted.toLocaleString()} export records deleted,{' '}
          {run.data.payloadsCompressed.toLocaleString()} payloads compressed.
        </p>
      )}
    </Card>
  );
}

function PrivacyCard({ settings }: { settings: SettingsResponse['privacy'] }) {
  const { values, set, errors, save } = useSectionForm({ redactPiiInLogs: settings.redactPiiInLogs });
  const submit = () => save.mutate({ privacy: { redactPiiInLogs: values.redactPiiInLogs } }, { onSuccess: saved('Privacy settings') });
  const error = errors['privacy.redactPiiInLogs'];
  return (
    <Card id="settings-privacy" title="Privacy" description="What convgen keeps about the people in your documents." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <div className="flex items-start gap-2.5">
        <input
          id="privacy-redact"
          type="checkbox"
          className="mt-0.5 h-4 w-4 accent-[var(--color-primary)]"
          checked={values.redactPiiInLogs}
          onChange={(ev) => set('redactPiiInLogs', ev.target.checked)}
          aria-describedby="privacy-redact-help"
        />
        <div>
          <label htmlFor="privacy-redact" className="text-sm font-medium">
            Redact personal data in logs
          </label>
          <p id="privacy-redact-help" className="text-xs text-muted">
            Email addresses, phone numbers and similar details are masked in the stored generation logs. Conversations are not changed.
          </p>
          {error && <p className="mt-1 text-sm text-danger">{error}</p>}
        </div>
      </div>
    </Card>
  );
}

function PermissionsCard() {
  const permissions = Object.keys(PERMISSIONS) as Permission[];
  return (
    <Card id="settings-permissions" title="Permissions" description="What each role can do. Roles are fixed; a user's role decides what they may do.">
      <div className="overflow-x-auto">
        <table className="w-full max-w-3xl text-sm" aria-label="What each role can do">
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted">
              <th scope="col" className="py-1.5 pr-3 font-medium">
                Can…
              </th>
              {ROLES.map((role) => (
                <th key={role} scope="col" className="w-24 px-3 py-1.5 text-center font-medium capitalize">
                  {role}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {permissions.map((permission) => (
              <tr key={permission} className="border-b border-border last:border-0">
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {PERMISSION_LABELS[permission]}
                </th>
                {ROLES.map((role) => (
                  <td key={role} className="px-3 py-1.5 text-center">
                    {can(role, permission) ? <span className="font-semibold text-success" aria-label="yes">✓</span> : <span className="text-muted" aria-label="no">–</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted">
        Users and their roles are managed by admins through the users API (<code>GET/POST /api/users</code>, which can also send an invitation link) or on the server with{' '}
        <code>convgen user create EMAIL --role ROLE</code>.
      </p>
    </Card>
  );
}

function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return key === 'budget.defaultSpendingLimitUsd' ? 'no limit' : '—';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const HISTORY_PAGE_SIZE = 20;

function HistoryCard() {
  const [page, setPage] = useState(1);
  const history = useQuery({
    queryKey: ['settings-history', page],
    queryFn: () => api.get<SettingsHistoryPage>(`/api/settings/history?page=${page}&pageSize=${HISTORY_PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
  const total = history.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  return (
    <Card
      id="settings-history"
      title="Change history"
      description="Every change to these settings: who made it, when, and the value before and after. API keys show only that they were set or removed."
      footer={
        total > HISTORY_PAGE_SIZE ? (
          <>
            <span className="mr-auto text-xs text-muted">
              Page {page} of {pages} · {total.toLocaleString()} changes
            </span>
            <Button size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              Newer
            </Button>
            <Button size="sm" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              Older
            </Button>
          </>
        ) : undefined
      }
    >
      {history.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : history.isError ? (
        <p className="text-sm text-danger">The history could not be loaded: {history.error.message}</p>
      ) : history.data.items.length === 0 ? (
        <p className="text-sm text-muted">No setting has been changed yet; everything is at its default.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Settings change history">
            <thead>
              <tr className="border-b border-border text-left text-xs text-muted">
                <th scope="col" className="py-1.5 pr-3 font-medium">When</th>
                <th scope="col" className="px-3 py-1.5 font-medium">Who</th>
                <th scope="col" className="px-3 py-1.5 font-medium">Setting</th>
                <th scope="col" className="px-3 py-1.5 font-medium">Change</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((item) => (
                <tr key={item.id} className="border-b border-border last:border-0">
                  <td className="py-1.5 pr-3 whitespace-nowrap text-muted">{formatDate(item.changedAt)}</td>
                  <td className="px-3 py-1.5" title={item.changedBy?.email}>
                    {item.changedBy?.name ?? <span className="text-muted">a deleted user</span>}
                  </td>
                  <td className="px-3 py-1.5">{SETTING_LABELS[item.key] ?? item.key}</td>
                  <td className="px-3 py-1.5">
                    {item.key in KEY_LABELS ? (
                      <span>{item.newValue === 'removed' ? 'removed' : 'set to a new key'}</span>
                    ) : (
                      <span className="break-all">
                        <span className="text-muted">{formatValue(item.key, item.oldValue)}</span> → <span className="font-medium">{formatValue(item.key, item.newValue)}</span>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
const KEY_LABELS = Object.fromEntries(KEYS.map((k) => [k.name, k.label]));

/** Workspace settings (US14.1.2): admins set the defaults every user works with. */
export function SettingsPage() {
  const { data: me } = useMe();
  const admin = !!me && can(me.role, 'settings:write');
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => api.get<SettingsResponse>('/api/settings'), enabled: admin });

  return (
    <section className="h-full overflow-y-auto p-5" aria-labelledby="settings-heading">
      <header className="mb-4">
        <h1 id="settings-heading" className="text-xl font-semibold">
          Settings
        </h1>
        <p className="text-sm text-muted">Workspace-wide defaults for generation, budgets, quality and retention. Each section saves on its own, and every change is recorded below.</p>
      </header>
      {!me ? (
        <Skeleton className="h-40 w-full" />
      ) : !admin ? (
        <div className="mx-auto mt-16 flex max-w-md flex-col items-center rounded-lg border border-border bg-surface p-8 text-center shadow-sm" role="status">
          <Lock className="mb-3 h-8 w-8 text-muted" aria-hidden />
          <h2 className="text-base font-semibold">Only admins can change workspace settings</h2>
          <p className="mt-1 text-sm text-muted">You are signed in as a {me.role}. Ask an admin of this workspace if a setting needs to change.</p>
        </div>
      ) : settings.isPending ? (
        <div className="grid gap-4 xl:grid-cols-2">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-64 w-full" />
          ))}
        </div>
      ) : settings.isError ? (
        <p className="text-sm text-danger">The settings could not be loaded: {settings.error.message}</p>
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <div className="space-y-4">
            <GenerationCard settings={settings.data.generation} />
            <QualityCard settings={settings.data.quality} />
            <PrivacyCard settings={settings.data.privacy} />
          </div>
          <div className="space-y-4">
            <Card id="settings-keys" title="API keys" description="Keys for the model providers. A key is never shown again once saved.">
              {KEYS.map((k) => (
                <ApiKeyRow key={k.name} {...k} status={settings.data.secrets[k.name]} />
              ))}
            </Card>
            <BudgetCard settings={settings.data.budget} />
            <RetentionCard settings={settings.data.retention} />
          </div>
          <div className="space-y-4 xl:col-span-2">
            <PermissionsCard />
            <HistoryCard />
          </div>
        </div>
      )}
    </section>
  );
}
