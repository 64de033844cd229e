import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Send } from 'lucide-react';
import { toast } from 'sonner';
import type { SampleSlotInput, TemplateDetail, TemplateTestResult } from '../../../contract/templates';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input } from '../../components/ui/input';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { endpoints, queries } from '../../lib/endpoints';
import { formatUsd } from '../../lib/format';
import { useCatalog } from '../../lib/queries';
import { SampleLine, slotKeys } from './prompt-preview';
import { formatQuality, useRefreshTemplates } from './use-templates';

const SELECT = 'h-8 w-full rounded-md border border-border bg-surface px-2 text-sm text-text';

function Comparison({ result }: { result: TemplateTestResult }) {
  if (result.qualityScore === null) return null;
  if (result.baselineQuality === null) return <p className="text-sm text-muted">The active version (v{result.baselineVersion}) has made no conversations yet, so there is nothing to compare with.</p>;
  const delta = result.qualityScore - result.baselineQuality;
  return (
    <p className="text-sm" data-testid="test-comparison">
      Active version v{result.baselineVersion} averages <strong>{formatQuality(result.baselineQuality)}</strong> over {result.baselineCount} conversation{result.baselineCount === 1 ? '' : 's'}; this test scored{' '}
      <strong className={cn(delta >= 0 ? 'text-success' : 'text-danger')}>
        {formatQuality(result.qualityScore)} ({delta >= 0 ? '+' : ''}
        {delta.toFixed(1)})
      </strong>
      . One test is a hint, not proof.
    </p>
  );
}

function Result({ result, onKept }: { result: TemplateTestResult; onKept: (conversationId: string) => void }) {
  const refresh = useRefreshTemplates();
  const keep = useMutation({
    mutationFn: () => endpoints.templates.keep(result.templateId, result.id),
    onSuccess: (kept) => {
      toast.success(`Kept as ${kept.conversationId}: it is in the dataset, waiting for review`);
      onKept(kept.conversationId);
      refresh();
    },
    onError: (err) => toast.error('Not kept', { description: err.message }),
  });
  const breakdown = result.qualityBreakdown;
  return (
    <div className="space-y-3" data-testid="test-result">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border p-3">
        <div>
          <p className="text-sm font-semibold">
            Quality <span className="text-lg tabular-nums" data-testid="test-score">{formatQuality(result.qualityScore)}</span>
            <span className="text-muted">/10</span>
          </p>
          <p className="text-xs text-muted">
            {result.provider} · {result.model} · {result.durationMs !== null ? `${(result.durationMs / 1000).toFixed(1)} s` : '—'} · {formatUsd(result.costUsd ?? 0)}
          </p>
        </div>
        {result.keptConversationId ? (
          <span className="text-sm text-success">Kept in the dataset</span>
        ) : (
          <Button variant="primary" loading={keep.isPending} onClick={() => keep.mutate()}>
            Keep in dataset
          </Button>
        )}
      </div>
      <Comparison result={result} />
      {breakdown && (
        <ul className="grid gap-1.5 sm:grid-cols-2" aria-label="Validation results">
          {Object.values(breakdown.breakdown).map((c) => (
            <li key={c.label} className="rounded-md border border-border p-2 text-xs">
              <div className="flex justify-between">
                <span className="font-medium">{c.label}</span>
                <span className={cn('tabular-nums', c.score >= 8 ? 'text-success' : c.score >= 6 ? 'text-warning' : 'text-danger')}>{c.score}/10</span>
              </div>
              <p className="text-muted">{c.explanation}</p>
            </li>
          ))}
        </ul>
      )}
      <div>
        <h4 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{result.conversation.title || 'The conversation'}</h4>
        <ol className="space-y-2" aria-label="Test conversation">
          {result.conversation.turns.map((turn, i) => (
            <li key={i} className={cn('rounded-md border p-2.5 text-sm whitespace-pre-wrap', turn.role === 'user' ? 'border-border bg-surface-muted' : 'border-primary/20 bg-primary-soft/50')}>
              <span className={cn('mb-1 block text-[11px] font-bold tracking-wider', turn.role === 'user' ? 'text-muted' : 'text-primary')}>{turn.role === 'user' ? 'USER' : 'ASSISTANT'}</span>
              {turn.content}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

/**
 * "Test template" (US7.2.2): choose the sample (or let it be picked), see the resolved prompt,
 * send one request, and read the conversation, its score and validation results against the
 * active version's average. Nothing goes into the dataset unless "Keep in dataset" is clicked.
 */
export function TestDialog({ template, version, open, onOpenChange }: { template: TemplateDetail; version: number; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { data: catalog } = useCatalog();
  const { data: versions } = useQuery(queries.templateVersions(template.id));
  const body = versions?.items.find((v) => v.version === version)?.body ?? (version === template.currentVersion ? template.body : (template.draft?.body ?? ''));
  const [chosen, setChosen] = useState<Partial<Record<Dimension, string>>>({});
  const [conversationId, setConversationId] = useState('');
  const [result, setResult] = useState<TemplateTestResult | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const refresh = useRefreshTemplates();
  const slot: SampleSlotInput = conversationId.trim() ? { conversationId: conversationId.trim() } : Object.fromEntries(Object.entries(chosen).filter(([, v]) => v));
  const preview = useQuery({ ...queries.templatePreview({ body, tier: template.tier, arcKey: template.arcKey, slot }), enabled: open && Boolean(body) });
  const send = useMutation({
    // The exact sample previewed is the one sent.
    mutationFn: () => endpoints.templates.test(template.id, { version, slot: preview.data ? slotKeys(preview.data.slot) : slot }),
    onSuccess: (r) => {
      setResult(r);
      setKept(null);
      // The version now counts as tested (activation may require it).
      refresh();
    },
    // A failed test is stored too: it shows in the list of tests.
    onError: refresh,
  });
  const error = send.error instanceof ApiError ? send.error : null;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      className="w-[min(980px,calc(100vw-2rem))]"
      title={`Test ${template.name} v${version}`}
      description="Sends one request with this version and a sample, then scores the answer. Nothing is added to the dataset unless you keep it."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Close
          </Button>
          <Button variant="primary" loading={send.isPending} disabled={!preview.data?.prompt} onClick={() => send.mutate()}>
            <Send className="h-4 w-4" aria-hidden /> {result ? 'Send another test request' : 'Send test request'}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <fieldset className="rounded-md border border-border p-3">
          <legend className="px-1 text-xs font-semibold tracking-wide text-muted uppercase">Sample parameters</legend>
          <div className="grid gap-2 sm:grid-cols-5">
            {DIMENSIONS.map((d) => (
              <label key={d} className="text-xs text-muted">
                {DIMENSION_LABELS[d]}
                <select className={SELECT} value={chosen[d] ?? ''} disabled={Boolean(conversationId.trim())} onChange={(e) => setChosen({ ...chosen, [d]: e.target.value || undefined })}>
                  <option value="">Auto</option>
                  {(catalog?.[d] ?? []).map((v) => (
                    <option key={v.key} value={v.key}>
                      {v.label}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <label className="mt-2 flex items-center gap-2 text-xs text-muted">
            Or take everything from a conversation
            <Input className="h-8 w-36" placeholder="conv-00042" value={conversationId} onChange={(e) => setConversationId(e.target.value)} aria-label="Conversation to take the sample from" />
          </label>
        </fieldset>
        <section>
          <h4 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Resolved prompt</h4>
          {preview.data && <SampleLine slot={preview.data.slot} />}
          {preview.error && <p className="text-sm text-danger">{preview.error.message}</p>}
          {preview.data && preview.data.missing.length > 0 && (
            <p className="mt-1 rounded-md bg-warning-soft p-2 text-sm text-warning">
              This sample has no value for {preview.data.missing.map((m) => `{${m}}`).join(', ')}. Choose another sample, or make the placeholder optional.
            </p>
          )}
          {preview.data?.prompt && <pre className="mt-1 max-h-48 overflow-y-auto rounded-md bg-surface-muted p-2 font-mono text-xs leading-5 whitespace-pre-wrap" data-testid="test-prompt">{preview.data.prompt}</pre>}
        </section>
        {send.isPending && <p className="text-sm text-muted">Waiting for the provider… a test usually takes a few seconds.</p>}
        {error && (
          <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm">
            <p className="font-medium text-danger">{error.message}</p>
            {error.hint && <p className="mt-0.5 text-muted">{error.hint}</p>}
          </div>
        )}
        {result && <Result key={result.id} result={kept ? { ...result, keptConversationId: kept } : result} onKept={setKept} />}
        {kept && (
          <p className="text-sm">
            <Link to="/conversations" search={{ open: kept }} className="text-primary hover:underline">
              Open {kept} on the Conversations page
            </Link>
          </p>
        )}
      </div>
    </Dialog>
  );
}
