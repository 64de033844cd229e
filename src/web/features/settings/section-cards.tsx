import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { SettingsResponse } from '../../../contract/settings';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { endpoints } from '../../lib/endpoints';
import { formatDate } from '../../lib/format';
import { Card, Field, described, num, useSectionForm, SaveButton, saved } from './form';

/** The smaller settings sections: budget, quality, retention, privacy and templates. */
export function BudgetCard({ settings }: { settings: SettingsResponse['budget'] }) {
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

export function QualityCard({ settings }: { settings: SettingsResponse['quality'] }) {
  const { values, set, errors, save } = useSectionForm({
    minApprovalScore: String(settings.minApprovalScore),
    edgeCaseMinScore: String(settings.edgeCaseMinScore),
    judgeEnabled: settings.judgeEnabled,
    nearDuplicatePercent: String(Math.round(settings.nearDuplicateThreshold * 100)),
  });
  const submit = () =>
    save.mutate(
      {
        quality: {
          minApprovalScore: num(values.minApprovalScore),
          edgeCaseMinScore: num(values.edgeCaseMinScore),
          judgeEnabled: values.judgeEnabled,
          nearDuplicateThreshold: num(values.nearDuplicatePercent) / 100,
        },
      },
      { onSuccess: saved('Quality settings') },
    );
  const error = errors['quality.minApprovalScore'];
  const edgeError = errors['quality.edgeCaseMinScore'];
  return (
    <Card id="settings-quality" title="Quality" description="The bar a conversation has to clear." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <Field id="quality-min-score" label="Minimum score for approval" help="The lowest quality score (0–10) a conversation should have to be approved. The default is 6." error={error}>
        <Input {...described('quality-min-score', error)} type="number" step="0.5" value={values.minApprovalScore} onChange={(ev) => set('minApprovalScore', ev.target.value)} />
      </Field>
      <Field id="quality-edge-score" label="Minimum score for edge cases" help="Edge cases (Tier 3) need this score (0–10) to be approved, and are approved one at a time. The default is 8." error={edgeError}>
        <Input {...described('quality-edge-score', edgeError)} type="number" step="0.5" value={values.edgeCaseMinScore} onChange={(ev) => set('edgeCaseMinScore', ev.target.value)} />
      </Field>
      <Field
        id="quality-near-duplicate"
        label="Near-duplicate similarity (%)"
        help="A conversation this similar (50–100 %) to an earlier one is marked as its near-duplicate. The default is 85 %. New marks use it; stored ones keep theirs."
        error={errors['quality.nearDuplicateThreshold']}
      >
        <Input {...described('quality-near-duplicate', errors['quality.nearDuplicateThreshold'])} type="number" step="1" value={values.nearDuplicatePercent} onChange={(ev) => set('nearDuplicatePercent', ev.target.value)} />
      </Field>
      <CheckboxField
        id="quality-judge"
        label="Score each generated conversation with the LLM judge"
        help="A second call to your provider rates helpfulness, empathy, topic, correctness and natural dialogue (1–10). It costs about one extra request per conversation and counts in the run's spend, within its spending limit: when the limit leaves no room for a judge call, or the call fails, the conversation is kept unjudged and the run's log says so. Offline it is a free heuristic."
        checked={values.judgeEnabled}
        onChange={(checked) => set('judgeEnabled', checked)}
        error={errors['quality.judgeEnabled']}
      />
    </Card>
  );
}

export function RetentionCard({ settings }: { settings: SettingsResponse['retention'] }) {
  const { values, set, errors, save } = useSectionForm({ logsDays: String(settings.logsDays), exportsDays: String(settings.exportsDays) });
  const submit = () => save.mutate({ retention: { logsDays: num(values.logsDays), exportsDays: num(values.exportsDays) } }, { onSuccess: saved('Retention') });
  const run = useMutation({
    mutationFn: () => endpoints.settings.runRetention(),
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

/** A setting that is on or off: the box, its label, what it does, and the API's objection if any. */
function CheckboxField({ id, label, help, checked, onChange, error }: { id: string; label: string; help: string; checked: boolean; onChange: (checked: boolean) => void; error?: string }) {
  return (
    <div className="flex items-start gap-2.5">
      <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 accent-[var(--color-primary)]" checked={checked} onChange={(ev) => onChange(ev.target.checked)} aria-describedby={`${id}-help`} />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-help`} className="text-xs text-muted">
          {help}
        </p>
        {error && <p className="mt-1 text-sm text-danger">{error}</p>}
      </div>
    </div>
  );
}

export function PrivacyCard({ settings }: { settings: SettingsResponse['privacy'] }) {
  const { values, set, errors, save } = useSectionForm({ redactPiiInLogs: settings.redactPiiInLogs });
  const submit = () => save.mutate({ privacy: { redactPiiInLogs: values.redactPiiInLogs } }, { onSuccess: saved('Privacy settings') });
  return (
    <Card id="settings-privacy" title="Privacy" description="What convgen keeps about the people in your documents." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <CheckboxField
        id="privacy-redact"
        label="Redact personal data in logs"
        help="Email addresses, phone numbers and similar details are masked in the stored generation logs. Conversations are not changed."
        checked={values.redactPiiInLogs}
        onChange={(checked) => set('redactPiiInLogs', checked)}
        error={errors['privacy.redactPiiInLogs']}
      />
    </Card>
  );
}

export function TemplatesCard({ settings }: { settings: SettingsResponse['templates'] }) {
  const { values, set, errors, save } = useSectionForm({ requireTestBeforeActivation: settings.requireTestBeforeActivation });
  const submit = () => save.mutate({ templates: { requireTestBeforeActivation: values.requireTestBeforeActivation } }, { onSuccess: saved('Template settings') });
  return (
    <Card id="settings-templates" title="Templates" description="How a new prompt template version may go live." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <CheckboxField
        id="templates-require-test"
        label="Require a successful test before activation"
        help="A template version can be activated only after Test template has produced a conversation with it, so no untried prompt reaches a run."
        checked={values.requireTestBeforeActivation}
        onChange={(checked) => set('requireTestBeforeActivation', checked)}
        error={errors['templates.requireTestBeforeActivation']}
      />
    </Card>
  );
}
