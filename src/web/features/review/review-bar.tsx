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
  const notesRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    setNotes(detail.review.notes ?? '');
    setNotesOpen(false);
  }, [detail.id, detail.review.notes]);

  const reviewable = ['generated', 'approved', 'rejected'].includes(detail.status);
  const act = (action: ReviewAction) => {
    if (!reviewable || !canReview || review.isPending) return;
    if ((action === 'approve' && detail.status === 'approved') || (action === 'reject' && detail.status === 'rejected')) return;
    review.mutate({ detail, action, notes: notes.trim() || undefined }, { onSuccess: () => onReviewed?.() });
  };
  useImperativeHandle(ref, () => ({ review: act }));

  if (!canReview) return <p className="text-xs text-muted">Your role can read conversations but not review them.</p>;
  if (!reviewable) return <p className="text-xs text-muted">{detail.status === 'generating' ? 'Review it when it has finished generating.' : 'Generate this conversation before reviewing it.'}</p>;
  const openNotes = () => {
    setNotesOpen(true);
    setTimeout(() => notesRef.current?.focus(), 0);
  };
  return (
    <div className="min-w-0 flex-1 space-y-2">
      {notesOpen ? (
        <label className="block">
          <span className="sr-only">Reviewer notes</span>
          <textarea
            ref={notesRef}
            value={notes}
            onChange={(e) => setNotes(e.target.value.slice(0, NOTES_LIMIT))}
            maxLength={NOTES_LIMIT}
            rows={2}
            placeholder="Why are you rejecting this conversation? (or a note for approving)"
            className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
            onKeyDown={(e) => e.stopPropagation()}
          />
          <span className="block text-right text-[11px] text-muted">
            {notes.length}/{NOTES_LIMIT}
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
        <Button variant="danger" onClick={() => act('reject')} disabled={detail.status === 'rejected'} loading={review.isPending && review.variables?.action === 'reject'} title="Reject (R)">
          <X className="h-4 w-4" aria-hidden /> {detail.status === 'rejected' ? 'Rejected' : 'Reject'}
        </Button>
      </div>
    </div>
  );
});
