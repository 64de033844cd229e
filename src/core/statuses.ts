import { defineMachine } from './state-machine';

export const CONVERSATION_STATUSES = ['not_generated', 'generating', 'generated', 'approved', 'rejected', 'failed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  not_generated: 'Not Generated',
  generating: 'Generating',
  generated: 'Generated',
  approved: 'Approved',
  rejected: 'Rejected',
  failed: 'Failed',
};

/** Every status a conversation can be generated from: any but `generating`. */
const SETTLED = ['not_generated', 'failed', 'generated', 'approved', 'rejected'] as const satisfies readonly ConversationStatus[];
/** The statuses of a conversation with text. */
const WITH_TEXT = ['generated', 'approved', 'rejected'] as const satisfies readonly ConversationStatus[];

/**
 * Every move a conversation's status makes, by name. Code that writes a status names the
 * transition; the table decides whether the move is allowed.
 */
export const conversationLifecycle = defineMachine({
  noun: 'conversation',
  states: CONVERSATION_STATUSES,
  labels: STATUS_LABELS,
  code: 'invalid_status_transition',
  hint: (_transition, from) => (from === 'generating' ? 'Wait for the current generation to finish.' : 'Generate the conversation first, then review it.'),
  transitions: {
    queue: { from: SETTLED, to: ['generating'], verb: 'queued for generation', why: 'Generate on one conversation marks it at once, so no review slips in before the worker starts.' },
    claim: { from: SETTLED, to: ['generating'], verb: 'claimed', why: 'A worker or a batch takes the queued item.' },
    succeed: { from: ['generating'], to: ['generated'], verb: 'stored', why: 'The answer is stored: new text, not reviewed yet.' },
    fail: { from: ['generating'], to: ['failed'], verb: 'failed', why: 'The generation failed for good and there is no earlier text to fall back on.' },
    fail_regeneration: {
      from: ['generating'],
      to: WITH_TEXT,
      verb: 'returned to its last good version',
      why: 'A regeneration failed for good: the last good version stays, with its review, and the error is shown beside it.',
    },
    cancel: { from: ['generating'], to: SETTLED, verb: 'restored', why: "Cancelling restores the status from before the run: the conversation's text and review did not change." },
    approve: { from: ['generated', 'rejected'], to: ['approved'], verb: 'approved', why: 'A reviewer approves generated text (or changes their mind about a rejection).' },
    reject: { from: ['generated', 'approved'], to: ['rejected'], verb: 'rejected', why: 'A reviewer rejects generated text (or changes their mind about an approval).' },
    undo_review: { from: ['approved', 'rejected'], to: WITH_TEXT, verb: 'restored', why: 'Undoing a review restores the status from before it.' },
  },
});
export type ConversationTransition = (typeof conversationLifecycle.transitionNames)[number];

export function isConversationStatus(value: string): value is ConversationStatus {
  return conversationLifecycle.isState(value);
}

/**
 * Where cancelling puts a conversation: its status from before the run (remembered on the run
 * item), or `not_generated` when there is none.
 */
export function statusBeforeRun(previous: string | null | undefined): ConversationStatus {
  return previous && isConversationStatus(previous) && conversationLifecycle.can('cancel', 'generating', previous) ? previous : 'not_generated';
}

/**
 * How a generation that failed for good settles the conversation: a regeneration goes back to
 * the last good version (with its review); anything else becomes `failed`.
 */
export function failureMove(previous: string | null | undefined): { transition: 'fail' | 'fail_regeneration'; to: ConversationStatus } {
  return previous && isConversationStatus(previous) && conversationLifecycle.can('fail_regeneration', 'generating', previous)
    ? { transition: 'fail_regeneration', to: previous }
    : { transition: 'fail', to: 'failed' };
}

/** The transitions a caller that knows only the target status means. */
const BY_TARGET: Partial<Record<ConversationStatus, ConversationTransition>> = { approved: 'approve', rejected: 'reject', generating: 'queue' };

/**
 * Whether a user may move a conversation to `to`: approve, reject or queue for generation.
 * @deprecated Name the transition: `conversationLifecycle.can('approve', from)`.
 */
export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  const transition = BY_TARGET[to];
  return transition !== undefined && conversationLifecycle.can(transition, from, to);
}

/**
 * Throws the refusal of a user's move to `to` (approve, reject or queue for generation).
 * @deprecated Name the transition: `conversationLifecycle.move('approve', from)`.
 */
export function assertTransition(from: ConversationStatus, to: ConversationStatus): void {
  conversationLifecycle.move(BY_TARGET[to] ?? 'queue', from, to);
}
