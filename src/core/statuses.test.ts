import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { TransitionRefused } from './state-machine';
import { assertTransition, canTransition, CONVERSATION_STATUSES, conversationLifecycle, failureMove, statusBeforeRun, type ConversationStatus, type ConversationTransition } from './statuses';
import { expectTable } from './transition-table.test-helper';

/** The whole table, written out edge by edge: a change to the machine must change this too. */
const EDGES: Record<ConversationTransition, [ConversationStatus, ConversationStatus][]> = {
  queue: [
    ['not_generated', 'generating'],
    ['failed', 'generating'],
    ['generated', 'generating'],
    ['approved', 'generating'],
    ['rejected', 'generating'],
  ],
  claim: [
    ['not_generated', 'generating'],
    ['failed', 'generating'],
    ['generated', 'generating'],
    ['approved', 'generating'],
    ['rejected', 'generating'],
  ],
  succeed: [['generating', 'generated']],
  fail: [['generating', 'failed']],
  fail_regeneration: [
    ['generating', 'generated'],
    ['generating', 'approved'],
    ['generating', 'rejected'],
  ],
  cancel: [
    ['generating', 'not_generated'],
    ['generating', 'failed'],
    ['generating', 'generated'],
    ['generating', 'approved'],
    ['generating', 'rejected'],
  ],
  approve: [
    ['generated', 'approved'],
    ['rejected', 'approved'],
  ],
  reject: [
    ['generated', 'rejected'],
    ['approved', 'rejected'],
  ],
  undo_review: [
    ['approved', 'generated'],
    ['approved', 'rejected'],
    ['rejected', 'generated'],
    ['rejected', 'approved'],
  ],
};

describe('conversation lifecycle', () => {
  expectTable(conversationLifecycle, CONVERSATION_STATUSES, EDGES);

  it('refuses reviewing what was never generated, naming the transition and both statuses', () => {
    expect(conversationLifecycle.can('approve', 'not_generated')).toBe(false);
    try {
      conversationLifecycle.move('approve', 'not_generated');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TransitionRefused);
      expect(err).toBeInstanceOf(AppError);
      const refused = err as TransitionRefused;
      expect(refused).toMatchObject({ status: 409, code: 'invalid_status_transition', transition: 'approve', from: 'not_generated', to: 'approved' });
      expect(refused.details).toEqual({ machine: 'conversation', transition: 'approve', from: 'not_generated', to: 'approved' });
      expect(refused.message).toBe('This conversation is Not Generated, so it cannot be approved: approve moves a conversation from Generated or Rejected to Approved.');
      expect(refused.hint).toMatch(/generate the conversation first/i);
    }
  });

  it('refuses to start a second generation while one runs, and says to wait', () => {
    try {
      conversationLifecycle.move('queue', 'generating');
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).status).toBe(409);
      expect((err as AppError).message).toMatch(/is Generating, so it cannot be queued for generation/);
      expect((err as AppError).hint).toMatch(/wait/i);
    }
  });

  it('names the refused target when the source is right but the target is not', () => {
    expect(() => conversationLifecycle.move('cancel', 'generating', 'generating')).toThrowError('This conversation is Generating, so it cannot be restored to Generating');
  });

  it('asks for the target of a transition with several', () => {
    expect(() => conversationLifecycle.move('cancel', 'generating')).toThrowError(/several targets/);
  });

  it('cancelling restores the status from before the run, or Not Generated when there was none', () => {
    expect(statusBeforeRun('approved')).toBe('approved');
    expect(statusBeforeRun('rejected')).toBe('rejected');
    expect(statusBeforeRun('failed')).toBe('failed');
    expect(statusBeforeRun(null)).toBe('not_generated');
    // A status no cancel may restore (or a stray value) falls back to Not Generated.
    expect(statusBeforeRun('generating')).toBe('not_generated');
    expect(statusBeforeRun('archived')).toBe('not_generated');
  });

  it('a failed regeneration keeps the last good version; a failed first generation fails', () => {
    expect(failureMove('approved')).toEqual({ transition: 'fail_regeneration', to: 'approved' });
    expect(failureMove('generated')).toEqual({ transition: 'fail_regeneration', to: 'generated' });
    expect(failureMove('rejected')).toEqual({ transition: 'fail_regeneration', to: 'rejected' });
    expect(failureMove('not_generated')).toEqual({ transition: 'fail', to: 'failed' });
    expect(failureMove('failed')).toEqual({ transition: 'fail', to: 'failed' });
    expect(failureMove(null)).toEqual({ transition: 'fail', to: 'failed' });
  });
});

describe('the target-only checks review code still calls', () => {
  it('mean approve, reject and queue', () => {
    expect(canTransition('generated', 'approved')).toBe(true);
    expect(canTransition('approved', 'rejected')).toBe(true);
    expect(canTransition('failed', 'generating')).toBe(true);
  });

  it('never let a review through because a worker transition reaches the same status', () => {
    // cancel and fail_regeneration move generating → approved; a reviewer still may not.
    expect(canTransition('generating', 'approved')).toBe(false);
    expect(canTransition('generating', 'rejected')).toBe(false);
    expect(() => assertTransition('generating', 'approved')).toThrowError(TransitionRefused);
  });

  it('refuse every other target', () => {
    for (const from of CONVERSATION_STATUSES) {
      expect(canTransition(from, 'generated')).toBe(false);
      expect(canTransition(from, 'failed')).toBe(false);
      expect(canTransition(from, 'not_generated')).toBe(false);
    }
    expect(() => assertTransition('not_generated', 'approved')).toThrowError(AppError);
  });
});
