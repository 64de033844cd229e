import { AppError } from './errors';

/**
 * One named transition: the states it leaves and the states it may reach. Every pair of the two
 * lists is an allowed move, except staying in the same state, which is allowed only where the
 * transition says so (`reentrant`: something changes that the status does not show).
 */
export interface TransitionSpec<S extends string> {
  readonly from: readonly S[];
  readonly to: readonly S[];
  readonly reentrant?: boolean;
  /** The verb in an error message: "cannot be {verb}". */
  readonly verb: string;
  /** When and why the move happens. */
  readonly why: string;
}

export interface MachineSpec<S extends string, T extends string> {
  /** "conversation", "run item", "run": used in messages. */
  readonly noun: string;
  readonly states: readonly S[];
  readonly labels: Readonly<Record<S, string>>;
  readonly transitions: Readonly<Record<T, TransitionSpec<S>>>;
  /** The error code of a refused move, as the API answers it. */
  readonly code: string;
  /** What the user can do about a refused move. */
  readonly hint: (transition: T, from: S) => string;
}

/** A refused move: names the machine, the transition and both states. */
export class TransitionRefused extends AppError {
  constructor(
    readonly machine: string,
    readonly transition: string,
    readonly from: string,
    readonly to: string,
    opts: { code: string; message: string; hint: string },
  ) {
    super({ code: opts.code, status: 409, message: opts.message, hint: opts.hint, details: { machine, transition, from, to } });
    this.name = 'TransitionRefused';
  }
}

export interface StateMachine<S extends string, T extends string> extends MachineSpec<S, T> {
  readonly transitionNames: readonly T[];
  /** Whether `transition` may move a record from `from` (to `to`, or to its only target). */
  can(transition: T, from: S, to?: S): boolean;
  /** The state `transition` moves a record in `from` to; throws TransitionRefused when it may not. */
  move(transition: T, from: S, to?: S): S;
  /** The states a transition leaves: what a guarded UPDATE's WHERE clause accepts. */
  sources(transition: T): readonly S[];
  /** The one state a transition reaches; throws for a transition with several possible targets. */
  target(transition: T): S;
  /** The transitions that make the move, if any. */
  namesFor(from: S, to: S): T[];
  isState(value: string): value is S;
}

const joinOr = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);

export function defineMachine<S extends string, T extends string>(spec: MachineSpec<S, T>): StateMachine<S, T> {
  const transitionNames = Object.keys(spec.transitions) as T[];
  for (const name of transitionNames) {
    const t = spec.transitions[name];
    for (const s of [...t.from, ...t.to]) if (!spec.states.includes(s)) throw new Error(`${spec.noun} transition ${name} names the unknown state ${s}`);
    if (!t.from.length || !t.to.length) throw new Error(`${spec.noun} transition ${name} needs at least one source and one target`);
  }

  const allows = (transition: T, from: S, to: S) => {
    const t = spec.transitions[transition];
    return t.from.includes(from) && t.to.includes(to) && (from !== to || t.reentrant === true);
  };

  const refuse = (transition: T, from: S, to: S): never => {
    const t = spec.transitions[transition];
    const label = (s: S) => spec.labels[s] ?? s;
    const rule = `${transition} moves a ${spec.noun} from ${joinOr(t.from.map(label))} to ${joinOr(t.to.map(label))}`;
    const what = t.from.includes(from) ? `it cannot be ${t.verb} to ${label(to)}` : `it cannot be ${t.verb}`;
    throw new TransitionRefused(spec.noun, transition, from, to, {
      code: spec.code,
      message: `This ${spec.noun} is ${label(from)}, so ${what}: ${rule}.`,
      hint: spec.hint(transition, from),
    });
  };

  const only = (transition: T): S => {
    const targets = spec.transitions[transition].to;
    if (targets.length !== 1) throw new Error(`${spec.noun} transition ${transition} has several targets (${targets.join(', ')}): name the one meant`);
    return targets[0];
  };

  return {
    ...spec,
    transitionNames,
    can: (transition, from, to) => allows(transition, from, to ?? only(transition)),
    move(transition, from, to) {
      const target = to ?? only(transition);
      if (!allows(transition, from, target)) refuse(transition, from, target);
      return target;
    },
    sources: (transition) => spec.transitions[transition].from,
    target: only,
    namesFor: (from, to) => transitionNames.filter((name) => allows(name, from, to)),
    isState: (value): value is S => (spec.states as readonly string[]).includes(value),
  };
}
