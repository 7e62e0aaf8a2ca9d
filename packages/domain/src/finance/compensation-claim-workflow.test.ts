import { describe, expect, it } from 'vitest';
import { decide } from '../applications/workflow.js';
import type { Role } from '../auth/roles.js';
import {
  COMPENSATION_CLAIM_WORKFLOW,
  type CompensationClaimAction,
  type CompensationClaimState,
  compensationActorsOf,
} from './compensation-claim-workflow.js';

const ZHUZHOU = 't-zhuzhou';

describe('a compensation claim', () => {
  it.each<[CompensationClaimState, CompensationClaimAction, Role[], string, string | null]>([
    ['FILED', 'APPROVE', ['CITY_ADMIN'], ZHUZHOU, 'APPROVED'],
    ['FILED', 'APPROVE', ['CITY_OFFICER'], ZHUZHOU, null],
    ['FILED', 'DECLINE', ['CITY_ADMIN'], ZHUZHOU, 'DECLINED'],
    ['FILED', 'WITHDRAW', ['CITY_OFFICER'], ZHUZHOU, 'WITHDRAWN'],
    ['FILED', 'APPROVE', ['PROVINCE_ADMIN'], 't-province', null],
    ['FILED', 'APPROVE', ['EXPERT'], ZHUZHOU, null],
    ['APPROVED', 'DECLINE', ['CITY_ADMIN'], ZHUZHOU, null],
    ['DECLINED', 'APPROVE', ['CITY_ADMIN'], ZHUZHOU, null],
    ['WITHDRAWN', 'APPROVE', ['CITY_ADMIN'], ZHUZHOU, null],
  ])('%s → %s by %o of %s → %s', (from, action, roles, tenantId, to) => {
    const actors = compensationActorsOf({ tenantId, roles }, ZHUZHOU);
    const decision = decide(COMPENSATION_CLAIM_WORKFLOW, from, action, actors, () => true);
    expect(decision.allowed ? decision.to : null).toBe(to);
  });

  it('an approval with no room left under the ceiling is refused by its guard', () => {
    const decision = decide(
      COMPENSATION_CLAIM_WORKFLOW,
      'FILED',
      'APPROVE',
      ['BUREAU', 'BUREAU_ADMIN'],
      (g) => g !== 'CEILING_HAS_ROOM',
    );
    expect(decision).toEqual({ allowed: false, reason: 'GUARD_FAILED', failedGuards: ['CEILING_HAS_ROOM'] });
  });
});
