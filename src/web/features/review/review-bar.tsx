import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Check, X } from 'lucide-react';
import type { ConversationDetail, ReviewRequest } from '../../../contract/conversations';
import { Button } from '../../components/ui/button';
import { useReview } from './use-review';

const NOTES_LIMIT = 500;
export type ReviewAction = ReviewRequest['action'];

export interface ReviewBarHandle {
  review(action: ReviewAction): void;
}

/**
 * Approve (green) and Reject (red) with optional notes, in the preview's footer (US4.2.1).
 * Only conversations with text can be reviewed; the reason is shown otherwise.
 */
export const ReviewBar = forwardRef<ReviewBarHandle, { detail: ConversationDetail; canReview: boolean; onReviewed?: () => void }>(function ReviewBar({ detail, canReview, onReviewed }, ref) {
  const review = useReview();
  const [notes, setNotes] = useState(detail.review.notes ?? '');
  const [notesOpen, setNotesOpen] = useState(false);
  // Rejecting takes two steps: Reject (or R) asks why, Enter (or Reject again) confirms.
  const [confirmingReject, setConfirmingReject] = useState(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setNotes(detail.review.notes ?? '');
    setNotesOpen(false);
    setConfirmingReject(false);
  }, [detail.id, detail.review.notes]);

  const reviewable = ['generated', 'approved', 'rejected'].includes(detail.status);
  const focusNotes = () => setTimeout(() => notesRef.current?.focus(), 0);
  const submit = (action: ReviewAction) => {
    setConfirmingReject(false);
    review.mutate({ detail, action, notes: notes.trim() || undefined }, { onSuccess: () => onReviewed?.() });
  };
  const act = (action: ReviewAction) => {
    if (!reviewable || !canReview || review.isPending) return;
    if ((action === 'approve' && detail.status === 'approved') || (action === 'reject' && detail.status === 'rejected')) return;
    if (action === 'reject' && !confirmingReject) {
      setConfirmingReject(true);
      setNotesOpen(true);
      focusNotes();
      return;
    }
    submit(action);
  };
  useImperativeHandle(ref, () => ({ review: act }));

  if (!canReview) return <p className="text-xs text-muted">Your role can read conversations but not review them.</p>;
  if (!reviewable) return <p className="text-xs text-muted">{detail.status === 'generating' ? 'Review it when it has finished generating.' : 'Generate this conversation before reviewing it.'}</p>;
  const openNotes = () => {
    setNotesOpen(true);
    focusNotes();
  };
  const cancelReject = () => {
    setConfirmingReject(false);
    (document.activeElement as HTMLElement | null)?.blur();
  };
  return (
    <div className="min-w-0 flex-1 space-y-2">
      {notesOpen ? (
        <label className="block">
          <span className="sr-only">{confirmingReject ? 'Why are you rejecting this conversation?' : 'Reviewer notes'}</span>
          <textarea
            ref={notesRef}
            value={notes}
            onChange={(e) => setNotes(e.target.value.slice(0, NOTES_LIMIT))}
            maxLength={NOTES_LIMIT}
            rows={2}
            placeholder={confirmingReject ? 'Why are you rejecting this conversation? (optional)' : 'Why are you rejecting this conversation? (or a note for approving)'}
            className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
            onKeyDown={(e) => {
              // The page's shortcuts must not fire while typing; Enter confirms a rejection, Shift+Enter breaks the line.
              e.stopPropagation();
              if (!confirmingReject) return;
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                submit('reject');
              } else if (e.key === 'Escape') {
                e.preventDefault();
                cancelReject();
              }
            }}
          />
          <span className="flex justify-between gap-2 text-[11px] text-muted">
            <span data-testid="reject-hint">{confirmingReject ? 'Enter rejects · Shift+Enter new line · Esc cancels' : ''}</span>
            <span>
              {notes.length}/{NOTES_LIMIT}
            </span>
          </span>
        </label>
      ) : (
        <button type="button" className="text-xs text-primary hover:underline" onClick={openNotes}>
          {notes ? 'Edit note' : 'Add a note'}
        </button>
      )}
      <div className="flex gap-2">
        <Button variant="success" onClick={() => act('approve')} disabled={detail.status === 'approved'} loading={review.isPending && review.variables?.action === 'approve'} title="Approve (A)">
          <Check className="h-4 w-4" aria-hidden /> {detail.status === 'approved' ? 'Approved' : 'Approve'}
        </Button>
        <Button variant="danger" onClick={() => act('reject')} disabled={detail.status === 'rejected'} loading={review.isPending && review.variables?.action === 'reject'} title={confirmingReject ? 'Reject (Enter)' : 'Reject (R): asks why first'}>
          <X className="h-4 w-4" aria-hidden /> {detail.status === 'rejected' ? 'Rejected' : confirmingReject ? 'Confirm reject' : 'Reject'}
        </Button>
        {confirmingReject && (
          <Button variant="ghost" onClick={cancelReject}>
            Cancel
          </Button>
        )}
      </div>
    </div>
  );
});
