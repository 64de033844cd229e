import { AppError } from './errors';

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

/**
 * The allowed moves between statuses. Regenerating is allowed from any settled state; a
 * generation that is cancelled before it finishes returns the slot to `not_generated`.
 */
const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  not_generated: ['generating'],
  generating: ['generated', 'failed', 'not_generated'],
  generated: ['approved', 'rejected', 'generating'],
  approved: ['rejected', 'generating'],
  rejected: ['approved', 'generating'],
  failed: ['generating'],
};

export function canTransition(from: ConversationStatus, to: ConversationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

const REASONS: Partial<Record<ConversationStatus, string>> = {
  approved: 'Only a generated conversation can be approved.',
  rejected: 'Only a generated conversation can be rejected.',
  generating: 'It is already being generated.',
};

export function assertTransition(from: ConversationStatus, to: ConversationStatus): void {
  if (canTransition(from, to)) return;
  throw new AppError({
    code: 'invalid_status_transition',
    status: 409,
    message: `This conversation is ${STATUS_LABELS[from]}, so it cannot become ${STATUS_LABELS[to]}. ${REASONS[to] ?? ''}`.trim(),
    hint: from === 'generating' ? 'Wait for the current generation to finish.' : 'Generate the conversation first, then review it.',
    details: { from, to },
  });
}

export function isConversationStatus(value: string): value is ConversationStatus {
  return (CONVERSATION_STATUSES as readonly string[]).includes(value);
}
