import { defineMachine } from './state-machine';

export const RUN_STATUSES = ['queued', 'running', 'paused', 'cancelled', 'completed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  completed: 'Completed',
  interrupted: 'Interrupted',
};

/** Runs whose items workers claim. */
export const ACTIVE_RUN_STATUSES = ['queued', 'running'] as const satisfies readonly RunStatus[];

/** Every move a generation run's status makes, by name. */
export const runLifecycle = defineMachine({
  noun: 'run',
  states: RUN_STATUSES,
  labels: RUN_STATUS_LABELS,
  code: 'invalid_run_state',
  hint: (transition) => (transition === 'resume' ? 'Only a paused or interrupted run can be resumed.' : 'It has already finished.'),
  transitions: {
    start: { from: ['queued'], to: ['running'], verb: 'started', why: 'A worker claims the first item.' },
    pause: { from: ACTIVE_RUN_STATUSES, to: ['paused'], verb: 'paused', why: 'The user pauses it, its spending limit is reached, or it needs a provider that is not configured.' },
    resume: { from: ['paused', 'interrupted'], to: ['queued'], verb: 'resumed', why: 'The user resumes it; workers claim its items again.' },
    cancel: { from: [...ACTIVE_RUN_STATUSES, 'paused', 'interrupted'], to: ['cancelled'], verb: 'cancelled', why: 'The user cancels it: what is queued is dropped, calls in flight finish.' },
    complete: { from: ACTIVE_RUN_STATUSES, to: ['completed'], verb: 'completed', why: 'None of its items is pending or in progress any more.' },
    interrupt: { from: ACTIVE_RUN_STATUSES, to: ['interrupted'], verb: 'interrupted', why: 'At start-up, a run that was going and does not resume by itself waits for Resume.' },
  },
});
export type RunTransition = (typeof runLifecycle.transitionNames)[number];

export const RUN_ITEM_STATUSES = ['pending', 'in_progress', 'succeeded', 'failed', 'cancelled'] as const;
export type RunItemStatus = (typeof RUN_ITEM_STATUSES)[number];

export const RUN_ITEM_STATUS_LABELS: Record<RunItemStatus, string> = {
  pending: 'Pending',
  in_progress: 'In Progress',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Items that hold their conversation: at most one per conversation (a unique partial index). */
export const ACTIVE_ITEM_STATUSES = ['pending', 'in_progress'] as const satisfies readonly RunItemStatus[];

/** Every move a run item's status makes, by name. An item in progress is held by a lease. */
export const runItemLifecycle = defineMachine({
  noun: 'run item',
  states: RUN_ITEM_STATUSES,
  labels: RUN_ITEM_STATUS_LABELS,
  code: 'invalid_run_item_state',
  hint: () => 'Another worker or a run command changed it first; nothing needs doing.',
  transitions: {
    claim: { from: ['pending'], to: ['in_progress'], verb: 'claimed', why: 'A worker takes it under a lease (attempts + 1).' },
    take_over: {
      from: ['in_progress'],
      to: ['in_progress'],
      reentrant: true,
      verb: 'taken over',
      why: "Its lease lapsed (its worker died): another worker claims it, releasing the dead worker's budget reservation.",
    },
    give_back: { from: ['in_progress'], to: ['pending'], verb: 'given back', why: 'The attempt did not happen (stopping, waiting for budget, run paused): attempts - 1, reservation released.' },
    retry: { from: ['in_progress'], to: ['pending'], verb: 'queued for a retry', why: 'A retryable failure: the attempt counts and the item waits for its backoff.' },
    succeed: { from: ['in_progress'], to: ['succeeded'], verb: 'settled as succeeded', why: 'The answer was stored.' },
    fail: { from: ['in_progress'], to: ['failed'], verb: 'settled as failed', why: 'A permanent failure, or the last attempt of a retryable one.' },
    cancel: { from: ACTIVE_ITEM_STATUSES, to: ['cancelled'], verb: 'cancelled', why: 'Its run was cancelled: queued items at once, items in flight when their call ends.' },
    requeue: {
      from: ['in_progress'],
      to: ['pending'],
      verb: 'requeued',
      why: 'At start-up, an item the stopped process had in progress goes back to the queue; its attempt counts, as the call may have been made.',
    },
  },
});
export type RunItemTransition = (typeof runItemLifecycle.transitionNames)[number];
