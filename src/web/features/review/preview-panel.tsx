import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { AlertTriangle, X } from 'lucide-react';
import type { ConversationDetail } from '../../../contract/conversations';
import { TIER_LABELS } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Skeleton } from '../../components/ui/skeleton';
import { cn } from '../../lib/cn';
import { formatDate, formatUsd } from '../../lib/format';
import { useLabels } from '../../lib/queries';
import { GenerateButton } from '../conversations/generate-button';
import { QualityBadge } from '../conversations/quality-badge';
import { StatusBadge, statusTooltip } from '../../components/status-badge';
import { TurnText } from '../conversations/turn-text';
import { useConversationDetail } from '../conversations/use-conversations';
import { useGeneration } from '../runs/use-generate';
import { PreviewNav, type PreviewNavigation } from './preview-nav';
import { ReviewBar, type ReviewAction, type ReviewBarHandle } from './review-bar';
import { AuditTrail } from '../audit/audit-trail';
import { SourceSection } from './source-section';
import { PreviewQualityExtras } from '../duplicates/preview-quality-extras';
import { SeedActions } from '../seeds/seed-actions';
import { SeedBaseline } from '../seeds/seed-baseline';
import { ArcStages } from '../arcs/arc-stages';
import { ConversationTemplate } from '../templates/conversation-template';
import { EdgeCaseFlag } from '../edge-cases/edge-case-flag';
import { GroundingHighlights } from '../quality/grounding-highlights';
import { QualityScoreButton } from '../quality/quality-score-button';
import { can } from '../../../core/roles';
import { useMe } from '../../lib/queries';
import { RegenerationLinks } from '../regenerate/regeneration-links';
import { RegenerateButton, type RegenerateButtonHandle } from '../regenerate/regenerate-button';

export interface PreviewPanelHandle {
  review(action: ReviewAction): void;
  /** Opens "Reject and regenerate" for the conversation shown, when it can be. */
  regenerate(): void;
}

function Meta({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-semibold tracking-wide text-muted uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-text">{value}</dd>
    </div>
  );
}

function Turns({ detail, generating }: { detail: ConversationDetail; generating: boolean }) {
  if (detail.turns.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted">
        {generating ? 'Generating… the turns appear here when it finishes.' : 'Not generated yet. Click Generate to write this conversation.'}
      </div>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Conversation turns">
      {detail.turns.map((t) => (
        <li key={t.turnNumber} className={cn('rounded-lg border p-3.5', t.role === 'user' ? 'border-border bg-surface-muted' : 'border-primary/20 bg-primary-soft/50')}>
          <div className={cn('mb-1.5 text-[11px] font-bold tracking-wider', t.role === 'user' ? 'text-muted' : 'text-primary')}>
            {t.role === 'user' ? 'USER' : 'ASSISTANT'} <span className="font-normal text-muted">· turn {t.turnNumber}</span>
          </div>
          <TurnText content={t.content} />
        </li>
      ))}
    </ol>
  );
}

function QualityDetails({ detail }: { detail: ConversationDetail }) {
  if (!detail.quality) return null;
  return (
    <section className="rounded-lg border border-border p-3">
      <div className="mb-2 flex items-center justify-between">
        <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Quality</h3>
        <QualityBadge score={detail.quality.score} />
      </div>
      <ul className="space-y-1.5">
        {Object.values(detail.quality.breakdown).map((c) => (
          <li key={c.label} className="text-xs">
            <div className="flex items-center justify-between gap-2">
              <span className="text-text">{c.label}</span>
              <span className="tabular-nums text-muted">{c.score}/10</span>
            </div>
            <div className="mt-0.5 h-1.5 rounded-full bg-surface-muted">
              <div className={cn('h-1.5 rounded-full', c.score >= 8 ? 'bg-success' : c.score >= 6 ? 'bg-warning' : 'bg-danger')} style={{ width: `${c.score * 10}%` }} />
            </div>
            <p className="mt-0.5 text-muted">
              {c.value} · target {c.target}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted">{detail.quality.recommendation}</p>
    </section>
  );
}

/** The preview beside the table (US4.1.1): metadata, quality, source and the turns. */
export const PreviewPanel = forwardRef<PreviewPanelHandle, { id: string; onClose: () => void; nav: PreviewNavigation; canReview: boolean; onReviewed: () => void }>(function PreviewPanel(
  { id, onClose, nav, canReview, onReviewed },
  ref,
) {
  const tracker = useGeneration();
  const { data: detail, isLoading, error } = useConversationDetail(id, tracker.isPending);
  const generating = Boolean(detail && (detail.status === 'generating' || tracker.isPending(detail.id)));
  const label = useLabels();
  const { data: me } = useMe();
  const panel = useRef<HTMLElement>(null);
  const reviewBar = useRef<ReviewBarHandle>(null);
  const regenerateButton = useRef<RegenerateButtonHandle>(null);
  useImperativeHandle(ref, () => ({ review: (action) => reviewBar.current?.review(action), regenerate: () => regenerateButton.current?.open() }));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Esc in the notes field cancels the note (the review bar handles it), not the preview.
      const inNotes = e.target instanceof Element && e.target.closest('textarea');
      if (e.key === 'Escape' && !inNotes && !document.querySelector('[role="menu"], [role="dialog"]')) onClose();
    };
    // A click on empty page space closes the panel; clicks on rows, controls and menus do not.
    const onPointer = (e: PointerEvent) => {
      const target = e.target as HTMLElement;
      if (panel.current?.contains(target)) return;
      if (target.closest('button, a, input, select, textarea, tr, [role="menu"], [data-radix-popper-content-wrapper], [data-sonner-toaster]')) return;
      onClose();
    };
    // Capture on window runs before a dialog's own Escape handling closes it, so the Escape that
    // closes a dialog is seen as the dialog's and does not also close the preview.
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [onClose]);

  return (
    <aside ref={panel} className="@container flex h-full min-h-0 flex-col border-l border-border bg-surface" aria-label="Conversation preview">
      <header className="flex items-start justify-between gap-3 border-b border-border px-5 py-4">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <span className="font-mono text-xs text-muted" data-testid="preview-id">{detail?.conversationId ?? '…'}</span>
            {detail && <StatusBadge status={generating ? 'generating' : detail.status} seed={detail.isSeed} tooltip={statusTooltip(generating ? 'generating' : detail.status, detail)} />}
          </div>
          <h2 className="mt-1 line-clamp-2 text-base font-semibold text-text">{detail ? detail.title || `${label('persona', detail.persona)} · ${label('topic', detail.topic)}` : 'Loading…'}</h2>
        </div>
        <Button size="icon" variant="ghost" onClick={onClose} aria-label="Close preview (Esc)">
          <X className="h-4 w-4" />
        </Button>
      </header>

      <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4">
        {error && <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{error.message}</p>}
        {isLoading && (
          <div className="space-y-3">
            <Skeleton className="h-16 w-full" />
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-24 w-full" />
          </div>
        )}
        {detail && (
          <>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-lg border border-border p-3 @lg:grid-cols-3">
              <Meta label="Persona" value={label('persona', detail.persona)} />
              <Meta label="Emotion" value={label('emotion', detail.emotion)} />
              <Meta label="Topic" value={label('topic', detail.topic)} />
              <Meta label="Intent" value={label('intent', detail.intent)} />
              <Meta label="Tone" value={label('tone', detail.tone)} />
              <Meta label="Tier" value={TIER_LABELS[detail.tier]} />
              <Meta label="Quality" value={<QualityScoreButton id={detail.id} label={detail.conversationId} score={detail.qualityScore} />} />
              <Meta label="Generated" value={formatDate(detail.generatedAt)} />
              <Meta label="Model" value={detail.model ?? '—'} />
              {detail.arc && <Meta label="Arc" value={detail.arc.label} />}
              {detail.scenario && <Meta label="Scenario" value={detail.scenario.title} />}
              {detail.edgeCase && <Meta label="Edge case" value={detail.edgeCase.title} />}
              {detail.costUsd !== null && <Meta label="Cost" value={formatUsd(detail.costUsd)} />}
            </dl>

            <ConversationTemplate detail={detail} />
            <RegenerationLinks detail={detail} />
            <EdgeCaseFlag detail={detail} />
            {!detail.isSeed && typeof detail.metadata.seedId === 'string' && <SeedBaseline seedId={detail.metadata.seedId} score={detail.qualityScore} />}

            {detail.error && !generating && (
              <div className="flex gap-2 rounded-lg border border-danger/30 bg-danger-soft p-3 text-sm text-danger" role="alert">
                <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                <div>
                  <p className="font-medium">The last generation failed{detail.status !== 'failed' ? '; the previous version is shown' : ''}.</p>
                  <p>{detail.error.message}</p>
                </div>
              </div>
            )}

            <ArcStages arc={detail.arc} />
            <Turns detail={detail} generating={generating} />
            <GroundingHighlights detail={detail} />
            <QualityDetails detail={detail} />
            <PreviewQualityExtras detail={detail} />
            <AuditTrail conversationId={detail.id} />

            <SourceSection source={detail.source} />
          </>
        )}
      </div>

      <footer className="space-y-3 border-t border-border px-5 py-3">
        {detail && !detail.isSeed && (
          <div className="flex items-end justify-between gap-3">
            <ReviewBar ref={reviewBar} detail={detail} canReview={canReview} onReviewed={onReviewed} />
            <div className="flex shrink-0 flex-col items-end gap-1">
              <span className="text-xs text-muted">{detail.turns.length ? `${detail.turns.length} turns` : 'No turns yet'}</span>
              <RegenerateButton ref={regenerateButton} detail={detail} canReview={canReview} />
              <GenerateButton id={detail.id} label={detail.conversationId} status={detail.status} isSeed={detail.isSeed} size="md" />
            </div>
          </div>
        )}
        {detail?.isSeed && <SeedActions seedId={detail.conversationId} canUseAsTemplate={can(me?.role ?? 'viewer', 'conversations:generate')} />}
        <PreviewNav nav={nav} />
      </footer>
    </aside>
  );
});
