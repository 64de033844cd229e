import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import type { SettingsHistoryEntry } from '../../../contract/settings';
import { Button } from '../../components/ui/button';
import { DataTable } from '../../components/ui/data-table';
import { Skeleton } from '../../components/ui/skeleton';
import { queries } from '../../lib/endpoints';
import { formatDate } from '../../lib/format';
import { Card } from './form';
import { KEY_LABELS } from './api-keys';

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
  'generation.rateLimitOverrides.requestsPerMinute': 'Your limit: requests/min',
  'generation.rateLimitOverrides.inputTokensPerMinute': 'Your limit: input tokens/min',
  'generation.rateLimitOverrides.outputTokensPerMinute': 'Your limit: output tokens/min',
  'generation.rateLimitOverrides.tokensPerMinute': 'Your limit: tokens/min',
  'budget.defaultSpendingLimitUsd': 'Default spending limit',
  'budget.warnAtPercent': 'Budget warning',
  'quality.minApprovalScore': 'Minimum score for approval',
  'quality.edgeCaseMinScore': 'Minimum score for edge cases',
  'preflight.baseModel': 'Trainer preflight base model',
  'preflight.maxSeqLen': 'Trainer preflight max sequence length',
  'quality.judgeEnabled': 'LLM judge',
  'quality.nearDuplicateThreshold': 'Near-duplicate similarity',
  'retention.logsDays': 'Keep generation logs (days)',
  'retention.exportsDays': 'Keep export history (days)',
  'privacy.redactPiiInLogs': 'Redact personal data in logs',
  'templates.requireTestBeforeActivation': 'Require a test before activating a template',
  'coverage.minPerCombination': 'Coverage: minimum per combination',
  'coverage.targetPerCombination': 'Coverage: target per combination',
  'arcs.distribution': 'Arc distribution',
  'arcs.reset': 'Arcs reset to default',
  'arcs.presets': 'Arc presets',
  'arcs.presets.applied': 'Arc preset applied',
  anthropicApiKey: 'Anthropic API key',
  openaiApiKey: 'OpenAI API key',
};

/** Library edits recorded beside the settings, by key pattern: which template, scenario or edge case changed. */
const PATTERN_LABELS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^template:([^.]+)\.(.+)$/, (m) => `Template ${m[1]}: ${m[2].replace(/([A-Z])/g, ' $1').toLowerCase()}`],
  [/^scenarios\.([^.]+)\.(\w+)$/, (m) => `Scenario ${m[2]}`],
  [/^edgeCases\.(.+)$/, (m) => `Edge case ${m[1]}`],
  [/^edgeCaseSuggestions\.(.+)$/, (m) => `Edge-case suggestion ${m[1]}`],
  [/^coverageDismissals\.(.+)$/, (m) => `Coverage recommendation ${m[1]}`],
];

function settingLabel(key: string): string {
  if (SETTING_LABELS[key]) return SETTING_LABELS[key];
  for (const [pattern, label] of PATTERN_LABELS) {
    const match = key.match(pattern);
    if (match) return label(match);
  }
  return key;
}

function formatValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return key === 'budget.defaultSpendingLimitUsd' ? 'no limit' : '—';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const HISTORY_PAGE_SIZE = 20;

const COLUMNS: ColumnDef<SettingsHistoryEntry>[] = [
  { id: 'when', header: 'When', meta: { className: 'whitespace-nowrap text-muted' }, cell: ({ row }) => formatDate(row.original.changedAt) },
  {
    id: 'who',
    header: 'Who',
    cell: ({ row: { original: item } }) => <span title={item.changedBy?.email}>{item.changedBy?.name ?? <span className="text-muted">a deleted user</span>}</span>,
  },
  { id: 'setting', header: 'Setting', cell: ({ row }) => settingLabel(row.original.key) },
  {
    id: 'change',
    header: 'Change',
    cell: ({ row: { original: item } }) =>
      item.key in KEY_LABELS ? (
        <span>{item.newValue === 'removed' ? 'removed' : 'set to a new key'}</span>
      ) : (
        <span className="break-all">
          <span className="text-muted">{formatValue(item.key, item.oldValue)}</span> → <span className="font-medium">{formatValue(item.key, item.newValue)}</span>
        </span>
      ),
  },
];

export function HistoryCard() {
  const [page, setPage] = useState(1);
  const history = useQuery({
    ...queries.settingsHistory({ page, pageSize: HISTORY_PAGE_SIZE }),
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
        <DataTable data={history.data.items} columns={COLUMNS} label="Settings change history" getRowId={(item) => String(item.id)} variant="plain" />
      )}
    </Card>
  );
}
