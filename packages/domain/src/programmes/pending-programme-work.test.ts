import { describe, expect, it } from 'vitest';
import {
  PROJECT_WORK_STATES,
  pendingProgrammeApplicationWork,
  pendingProjectWork,
} from './pending-programme-work.js';
import type { ProgrammeGuard } from './programme-application-workflow.js';
import type { ProjectGuard } from './project-lifecycle.js';

const failing =
  <G extends string>(...guards: G[]) =>
  (g: G) =>
    !guards.includes(g);
const ADMIN = ['AUTHORITY', 'AUTHORITY_ADMIN'] as const;

describe('pendingProgrammeApplicationWork', () => {
  it.each([
    ['DRAFT', ['APPLICANT_SIDE'], failing<ProgrammeGuard>(), 'REVISE'],
    ['RETURNED', ['APPLICANT_SIDE'], failing<ProgrammeGuard>(), 'REVISE'],
    ['SUBMITTED', ['APPLICANT_SIDE', 'RECOMMENDER'], failing<ProgrammeGuard>(), 'RECOMMEND'],
    [
      'SUBMITTED',
      ['APPLICANT_SIDE', 'RECOMMENDER'],
      failing<ProgrammeGuard>('RECOMMENDER_IS_NOT_SUBMITTER'),
      null,
    ],
    ['SUBMITTED', ['APPLICANT_SIDE'], failing<ProgrammeGuard>(), null],
    ['RECOMMENDED', ['AUTHORITY'], failing<ProgrammeGuard>(), 'CHECK'],
    ['RECOMMENDED', ['APPLICANT_SIDE', 'RECOMMENDER'], failing<ProgrammeGuard>(), null],
    ['ACCEPTED', ['AUTHORITY'], failing<ProgrammeGuard>(), 'ASSIGN_PANEL'],
    ['IN_REVIEW', ['AUTHORITY'], failing<ProgrammeGuard>(), 'CLOSE_REVIEW'],
    ['IN_REVIEW', ['AUTHORITY'], failing<ProgrammeGuard>('ALL_SHEETS_SUBMITTED'), null],
    ['REVIEWED', ADMIN, failing<ProgrammeGuard>('NO_NOTICE_ASKED'), 'PUBLICISE'],
    ['REVIEWED', ADMIN, failing<ProgrammeGuard>('NOTICE_ASKED'), 'DECIDE'],
    // An officer may not decide: with no notice asked nothing waits for them.
    ['REVIEWED', ['AUTHORITY'], failing<ProgrammeGuard>('NOTICE_ASKED'), null],
    ['PUBLICISED', ADMIN, failing<ProgrammeGuard>(), 'DECIDE'],
    ['PUBLICISED', ADMIN, failing<ProgrammeGuard>('NOTICE_PERIOD_OVER'), null],
    ['AWARDED', [...ADMIN, 'APPLICANT_SIDE'], failing<ProgrammeGuard>(), null],
    ['REFUSED', ADMIN, failing<ProgrammeGuard>(), null],
  ] as const)('%s as %j → %s', (state, actors, holds, expected) => {
    expect(pendingProgrammeApplicationWork(state, actors, holds)).toBe(expected);
  });
});

describe('pendingProjectWork', () => {
  it.each([
    ['CHANGE_REQUESTED', ADMIN, failing<ProjectGuard>(), 'APPROVE_CHANGE'],
    ['CHANGE_REQUESTED', ADMIN, failing<ProjectGuard>('APPROVER_IS_NOT_REQUESTER'), null],
    ['CHANGE_REQUESTED', ['AUTHORITY'], failing<ProjectGuard>(), null],
    ['CHANGE_REQUESTED', ['PROJECT_SIDE'], failing<ProjectGuard>(), null],
    ['FROZEN', ADMIN, failing<ProjectGuard>(), 'DISPOSE_FROZEN'],
    ['FROZEN', ['PROJECT_SIDE'], failing<ProjectGuard>(), null],
    // Terminating and revoking are open in every running state: they do not make it work.
    ['IN_PROGRESS', ADMIN, failing<ProjectGuard>(), null],
    ['REVOKED', ADMIN, failing<ProjectGuard>(), null],
  ] as const)('%s as %j → %s', (state, actors, holds, expected) => {
    expect(pendingProjectWork(state, actors, holds)).toBe(expected);
  });

  it('reads only the states that can be work', () => {
    expect([...new Set(PROJECT_WORK_STATES)].sort()).toEqual(['CHANGE_REQUESTED', 'FROZEN']);
  });
});
