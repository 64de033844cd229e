import { sql, type SQL } from 'drizzle-orm';

const STATE = /^[a-z_]+$/;

/**
 * Status literals for `status in (…)`, from the state machines in core. They are inlined rather
 * than sent as parameters so the planner sees them: partial indexes such as
 * `run_items_one_active_per_conversation` match only a predicate with the same constants.
 */
export function statusList(states: readonly string[]): SQL {
  if (!states.length) throw new Error('An empty status list matches nothing');
  for (const s of states) if (!STATE.test(s)) throw new Error(`Not a status: ${s}`);
  return sql.raw(states.map((s) => `'${s}'`).join(', '));
}

/** One status literal, e.g. the target of a transition. */
export function statusLiteral(state: string): SQL {
  return statusList([state]);
}
