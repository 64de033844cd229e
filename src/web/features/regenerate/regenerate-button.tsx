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
import { GuidanceField } from './guidance-field';

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
        <GuidanceField
          autoFocus
          value={guidance}
          onChange={setGuidance}
          onSubmit={() => submit.mutate()}
          label="Guidance for the new version"
          placeholder="e.g. The assistant drifted into inherited IRAs; keep every answer about the emergency fund and end on a concrete next step."
        />
        {error && (
          <p className="mt-2 text-sm text-danger" role="alert">
            {error}
          </p>
        )}
      </Dialog>
    </>
  );
});
