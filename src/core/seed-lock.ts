import { AppError } from './errors';
import { SEED_LOCK_REASON } from './bulk-outcome';

/**
 * Seeds are hand-written benchmarks (US10.3.1): whatever would change or remove one is refused
 * with this error, so the reason and the way out read the same everywhere.
 */
export function seedLocked(conversationId: string, would: 'rejected' | 'deleted' | 'regenerated'): AppError {
  return new AppError({
    code: 'seed_locked',
    status: 409,
    message: `${SEED_LOCK_REASON}: ${conversationId} was written by hand and is never ${would}.`,
    hint: 'Seeds stay as they are so generated conversations can be compared with them. To review only generated conversations, set the Seeds filter to "Exclude seeds".',
    details: { conversationId, reason: 'seed' },
  });
}
