import { describe, expect, it } from 'vitest';
import { decide } from '../applications/workflow.js';
import {
  awaitsDissolutionDecision,
  DISSOLUTION_DECISION_ACTIONS,
  DISSOLUTION_DECISION_LABELS,
  DissolutionDecision,
  projectsFrozenByDissolution,
} from './dissolution-cascade.js';
import { PROJECT_WORKFLOW, ProjectState } from './project-lifecycle.js';

describe('the dissolution cascade (Art. 19)', () => {
  it('freezes the open projects and leaves the ended ones', () => {
    const projects = Object.values(ProjectState).map((state, i) => ({ id: `p${i}`, state }));
    expect(projectsFrozenByDissolution(projects).map((p) => p.state)).toEqual([
      'IN_PROGRESS',
      'CHANGE_REQUESTED',
      'ACCEPTANCE_REQUESTED',
      'ACCEPTANCE_REVIEW',
      'ACCEPTANCE_REVIEWED',
      'ACCEPTANCE_PUBLICISED',
    ]);
    expect(projectsFrozenByDissolution([])).toEqual([]);
  });

  it.each(Object.values(DissolutionDecision))(
    'lets the authority’s admin decide %s on a frozen project',
    (decision) => {
      const action = DISSOLUTION_DECISION_ACTIONS[decision];
      expect(decide(PROJECT_WORKFLOW, 'FROZEN', action, ['AUTHORITY_ADMIN'], () => true).allowed).toBe(true);
      expect(DISSOLUTION_DECISION_LABELS[decision]).toMatch(/[\u4e00-\u9fa5]/);
    },
  );

  it('offers exactly the four decisions on a frozen project', () => {
    const offered = PROJECT_WORKFLOW.transitions.filter((t) => t.from === 'FROZEN').map((t) => t.action);
    expect([...offered].sort()).toEqual(Object.values(DISSOLUTION_DECISION_ACTIONS).sort());
  });

  it('puts only frozen projects on the to-do list', () => {
    expect(Object.values(ProjectState).filter(awaitsDissolutionDecision)).toEqual(['FROZEN']);
  });
});
