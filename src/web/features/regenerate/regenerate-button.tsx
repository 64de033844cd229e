import { forwardRef, useEffect, useImperativeHandle, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { RefreshCcw } from 'lucide-react';
import { toast } from 'sonner';
import type { ConversationDetail } from '../../../contract/conversations';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';
import { usePreferences } from '../../lib/preferences';
import { keyLabel } from '../../../core/shortcuts';

const GUIDANCE_LIMIT = 500;

export interface RegenerateButtonHandle {
  /** Opens the guidance dialog (the page's reject-and-regenerate shortcut), when the conversation can be regenerated. */
  open(): void;
}

/**
 * "Reject and regenerate" in the preview: the reviewer says what was wrong (required, it
 * becomes guidance in the new prompt); the conversation is rejected with that note and a new
 * one for the same slot is generated, then opened in the preview.
 */
export const RegenerateButton = forwardRef<RegenerateButtonHandle, { detail: ConversationDetail; canReview: boolean }>(function RegenerateButton({ detail, canReview }, ref) {
  const [open, setOpen] = useState(false);
  const [prefs] = usePreferences();
  const [guidance, setGuidance] = useState('');
  const client = useQueryClient();
  const navigate = useNavigate();
  const available = canReview && detail.turns.length > 0 && detail.status !== 'generating' && !detail.regeneratedAs && !detail.isSeed;

  useEffect(() => {
    setGuidance(detail.status === 'rejected' ? (detail.review.notes ?? '') : '');
  }, [detail.id, detail.status, detail.review.notes]);
  // The key is the user's own (the shortcuts dialog rebinds it); the page's shortcut handler calls this.
  useImperativeHandle(ref, () => ({ open: () => available && setOpen(true) }), [available]);

  const submit = useMutation({
    mutationFn: () => endpoints.regenerate.one(detail.id, { guidance: guidance.trim() }),
    onSuccess: (result) => {
      setOpen(false);
      toast.success(`${result.replaces.conversationId} rejected and replaced by ${result.conversationId}`, { description: result.message });
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
      void client.invalidateQueries({ queryKey: queryKeys.conversation.all });
      void navigate({ from: '/conversations', to: '/conversations', search: (prev) => ({ ...prev, open: result.conversationId }) });
    },
  });
  const error = submit.error instanceof ApiError ? `${submit.error.message} ${submit.error.hint}` : submit.error ? String(submit.error) : null;

  if (!available) return null;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)} title={`Reject and regenerate with guidance (${keyLabel(prefs.shortcuts.regenerate)})`}>
        <RefreshCcw className="h-3.5 w-3.5" aria-hidden /> Reject and regenerate
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (setOpen(next), submit.reset())}
        title={`Reject ${detail.conversationId} and regenerate it`}
        description="Say what was wrong and what the new version should do. Your note is the rejection reason, and it is added to the prompt of a new conversation with the same persona, emotion, topic, tier and source."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => submit.mutate()} disabled={!guidance.trim()} loading={submit.isPending}>
              <RefreshCcw className="h-4 w-4" aria-hidden /> Reject and regenerate
            </Button>
          </>
        }
      >
        <label className="block">
          <span className="mb-1 block text-xs font-semibold tracking-wide text-muted uppercase">Guidance for the new version (required)</span>
          <textarea
            autoFocus
            value={guidance}
            onChange={(e) => setGuidance(e.target.value.slice(0, GUIDANCE_LIMIT))}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && guidance.trim()) submit.mutate();
            }}
            rows={4}
            maxLength={GUIDANCE_LIMIT}
            placeholder="e.g. The assistant drifted into inherited IRAs; keep every answer about the emergency fund and end on a concrete next step."
            className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
            aria-label="Guidance for the new version"
          />
          <span className="flex justify-between text-[11px] text-muted">
            <span>Ctrl/⌘+Enter sends</span>
            <span>
              {guidance.length}/{GUIDANCE_LIMIT}
            </span>
          </span>
        </label>
        {error && (
          <p className="mt-2 text-sm text-danger" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
});
