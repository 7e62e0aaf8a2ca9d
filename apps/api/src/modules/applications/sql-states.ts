/**
 * A list of workflow states for SQL written beside a query, e.g. `('DRAFT', 'RETURNED')`. States
 * come from the domain's tables, never from input; the check keeps it so.
 */
export function sqlStates(states: readonly string[]): string {
  for (const state of states) if (!/^[A-Z_]+$/.test(state)) throw new Error(`not a state: ${state}`);
  return `(${states.map((s) => `'${s}'`).join(', ')})`;
}
