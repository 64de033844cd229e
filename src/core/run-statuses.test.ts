import { describe, expect, it } from 'vitest';
import { TransitionRefused } from './state-machine';
import { RUN_ITEM_STATUSES, RUN_STATUSES, runItemLifecycle, runLifecycle, type RunItemStatus, type RunItemTransition, type RunStatus, type RunTransition } from './run-statuses';
import { expectTable } from './transition-table.test-helper';

const RUN_EDGES: Record<RunTransition, [RunStatus, RunStatus][]> = {
  start: [['queued', 'running']],
  pause: [
    ['queued', 'paused'],
    ['running', 'paused'],
  ],
  resume: [
    ['paused', 'queued'],
    ['interrupted', 'queued'],
  ],
  cancel: [
    ['queued', 'cancelled'],
    ['running', 'cancelled'],
    ['paused', 'cancelled'],
    ['interrupted', 'cancelled'],
  ],
  complete: [
    ['queued', 'completed'],
    ['running', 'completed'],
  ],
  interrupt: [
    ['queued', 'interrupted'],
    ['running', 'interrupted'],
  ],
};

const ITEM_EDGES: Record<RunItemTransition, [RunItemStatus, RunItemStatus][]> = {
  claim: [['pending', 'in_progress']],
  take_over: [['in_progress', 'in_progress']],
  give_back: [['in_progress', 'pending']],
  retry: [['in_progress', 'pending']],
  succeed: [['in_progress', 'succeeded']],
  fail: [['in_progress', 'failed']],
  cancel: [
    ['pending', 'cancelled'],
    ['in_progress', 'cancelled'],
  ],
  requeue: [['in_progress', 'pending']],
};

describe('run lifecycle', () => {
  expectTable(runLifecycle, RUN_STATUSES, RUN_EDGES);

  it('refuses to resume a finished run, in the words the CLI shows', () => {
    try {
      runLifecycle.move('resume', 'completed');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TransitionRefused);
      expect((err as TransitionRefused).code).toBe('invalid_run_state');
      expect((err as TransitionRefused).message).toBe('This run is Completed, so it cannot be resumed: resume moves a run from Paused or Interrupted to Queued.');
      expect((err as TransitionRefused).hint).toMatch(/paused or interrupted/);
    }
  });

  it('says a finished run has finished when it cannot be paused or cancelled', () => {
    expect(() => runLifecycle.move('cancel', 'cancelled')).toThrowError(/cannot be cancelled/);
    try {
      runLifecycle.move('pause', 'completed');
      expect.unreachable();
    } catch (err) {
      expect((err as TransitionRefused).hint).toBe('It has already finished.');
    }
  });
});

describe('run item lifecycle', () => {
  expectTable(runItemLifecycle, RUN_ITEM_STATUSES, ITEM_EDGES);

  it('only a lapsed lease may be taken over: a finished item never moves again', () => {
    for (const from of ['succeeded', 'failed', 'cancelled'] as const) {
      expect(runItemLifecycle.namesFor(from, 'in_progress')).toEqual([]);
      expect(runItemLifecycle.namesFor(from, 'pending')).toEqual([]);
    }
    expect(runItemLifecycle.namesFor('in_progress', 'pending').sort()).toEqual(['give_back', 'requeue', 'retry']);
  });
});
