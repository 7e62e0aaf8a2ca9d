import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  createUser,
  errorCode,
  type GraphqlAgent,
  resetSignInThrottle,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { cellTally, MATRIX_TIERS } from '../support/tenancy-fixtures';

// An expert sees only the dossiers assigned to them: they know who they are, and nothing of the
// tenant's users or register.

const FORBIDDEN_TO_EXPERTS = {
  users: '{ users { id } }',
  divisions: '{ divisions { userCount } }',
  filingCountsByCity: '{ filingCountsByCity { total } }',
  alliances: '{ alliances { totalCount } }',
  setUserDisabled: `mutation { setUserDisabled(input: { userId: "00000000-0000-4000-8000-000000000000", disabled: true }) { id } }`,
} as const;

let api: TestApi;
const experts = new Map<string, { user: TestUser; agent: GraphqlAgent }>();

beforeAll(async () => {
  // Sign-in failures recorded by earlier files (under their own clocks) must not throttle ours.
  await resetSignInThrottle();
  api = await startTestApi();
  for (const tier of MATRIX_TIERS) {
    const user = await createUser(tier.code, ['EXPERT'], 'ex');
    experts.set(tier.code, { user, agent: await signedInAgent(api, user) });
  }
});

afterAll(async () => {
  await api.close();
});

describe('an EXPERT sees me, and neither users nor the register', () => {
  const { cells } = cellTally('tenancy expert role');
  const expert = (code: string) => experts.get(code)!;

  cells(
    MATRIX_TIERS,
    (tier) => `${tier.name} EXPERT: me is the expert, in ${tier.name}`,
    async (tier) => {
      const { user, agent } = expert(tier.code);
      const res = await agent.send<{ me: unknown }>('{ me { id roles tenant { code } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data?.me).toEqual({ id: user.id, roles: ['EXPERT'], tenant: { code: tier.code } });
    },
  );

  cells(
    MATRIX_TIERS.flatMap((tier) =>
      (Object.keys(FORBIDDEN_TO_EXPERTS) as (keyof typeof FORBIDDEN_TO_EXPERTS)[]).map((operation) => ({
        tier,
        operation,
      })),
    ),
    ({ tier, operation }) => `${tier.name} EXPERT: ${operation} is FORBIDDEN`,
    async ({ tier, operation }) => {
      const res = await expert(tier.code).agent.send(FORBIDDEN_TO_EXPERTS[operation]);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.data ?? null).toBeNull();
    },
  );
});
