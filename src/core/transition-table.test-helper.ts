import { expect, it } from 'vitest';
import { TransitionRefused, type StateMachine } from './state-machine';

/**
 * Checks a machine against its table written out edge by edge: every listed move is allowed
 * (and `move` lands on its target), every other move of every transition between any two states
 * is refused with an error naming the transition and both states, and no transition is unlisted.
 */
export function expectTable<S extends string, T extends string>(machine: StateMachine<S, T>, states: readonly S[], edges: Record<T, [S, S][]>) {
  it('has exactly the transitions of the table', () => {
    expect([...machine.transitionNames].sort()).toEqual(Object.keys(edges).sort());
  });

  for (const transition of Object.keys(edges) as T[]) {
    const allowed = edges[transition];
    const key = (from: S, to: S) => `${from}→${to}`;
    const listed = new Set(allowed.map(([from, to]) => key(from, to)));
    it(`${transition}: allows ${allowed.map(([f, t]) => key(f, t)).join(', ')} and refuses every other move`, () => {
      for (const [from, to] of allowed) {
        expect(machine.can(transition, from, to), key(from, to)).toBe(true);
        expect(machine.move(transition, from, to)).toBe(to);
        expect(machine.namesFor(from, to)).toContain(transition);
        // A transition with one target needs no target named.
        if (new Set(allowed.map(([, t]) => t)).size === 1) expect(machine.move(transition, from)).toBe(to);
      }
      let refusals = 0;
      for (const from of states) {
        for (const to of states) {
          if (listed.has(key(from, to))) continue;
          expect(machine.can(transition, from, to), `${transition} ${key(from, to)}`).toBe(false);
          expect(machine.namesFor(from, to)).not.toContain(transition);
          try {
            machine.move(transition, from, to);
            expect.unreachable(`${transition} ${key(from, to)} was allowed`);
          } catch (err) {
            expect(err).toBeInstanceOf(TransitionRefused);
            expect(err).toMatchObject({ transition, from, to, status: 409, code: machine.code });
            expect((err as Error).message).toContain(machine.labels[from]);
            expect((err as Error).message).toContain(`${transition} moves a ${machine.noun}`);
          }
          refusals++;
        }
      }
      expect(refusals).toBe(states.length * states.length - allowed.length);
    });
  }
}
