import { PILOT_WORKFLOW, type StateTraits, statesWhere } from '@xiangmeng/domain';
import { describe, expect, it } from 'vitest';
import { asAdmin } from '../support/harness';

// The database's rules name workflow states in SQL (CHECK constraints, the live-application
// index, the guard trigger). They must say what the domain's table says: a state added to the
// table without its migration, or the other way round, fails here.

const STATE = /'([A-Z_]+)'/g;
const statesIn = (sql: string) => [...sql.matchAll(STATE)].map((m) => m[1]!).sort();
const sorted = (states: readonly string[]) => [...states].sort();

async function definitions(sql: string): Promise<string[]> {
  return asAdmin(async (c) => (await c.query<{ def: string }>(sql)).rows.map((r) => r.def));
}

async function check(name: string): Promise<string> {
  const [def] = await definitions(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'pilot_application'::regclass AND conname = '${name}'`,
  );
  expect(def, `constraint ${name}`).toBeDefined();
  return def!;
}

describe('pilot application states in SQL agree with the domain table', () => {
  const trait = (t: Exclude<keyof StateTraits, 'label'>) => sorted(statesWhere(PILOT_WORKFLOW, t));

  it('the state column allows exactly the declared states', async () => {
    expect(statesIn(await check('pilot_application_state_known'))).toEqual(
      sorted(Object.keys(PILOT_WORKFLOW.states)),
    );
  });

  it('states sent upward require the recommendation, decided states the decision', async () => {
    expect(statesIn(await check('pilot_application_sent_upward'))).toEqual(trait('sentUpward'));
    expect(statesIn(await check('pilot_application_decided'))).toEqual(trait('decided'));
  });

  it('one live application per alliance and call: the lapsed states do not count', async () => {
    const [index] = await definitions(`SELECT pg_get_indexdef('pilot_application_live'::regclass) AS def`);
    expect(statesIn(index!)).toEqual(trait('lapsed'));
  });

  it('the guard trigger keeps the form to the editable states and closes the final ones', async () => {
    const [source] = await definitions(
      `SELECT prosrc AS def FROM pg_proc WHERE proname = 'pilot_application_guard'`,
    );
    const editable = /OLD\.state NOT IN \(([^)]*)\)/.exec(source!);
    const closed = /OLD\.state IN \(([^)]*)\)/.exec(source!);
    expect(statesIn(editable![1]!)).toEqual(trait('editable'));
    expect(statesIn(closed![1]!)).toEqual(trait('final'));
  });
});
