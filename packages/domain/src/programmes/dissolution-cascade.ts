import { decide } from '../applications/workflow.js';
import { PROJECT_WORKFLOW, type ProjectAction, type ProjectState } from './project-lifecycle.js';

// Art. 19: "如果联盟解散，省科技厅可根据实施情况、评估意见等直接进行项目调整或撤销". Dissolving an
// alliance freezes each of its open projects (no tranche is paid) and puts it before the
// authority that awarded it, which decides: continue under a named unit, adjust, terminate or
// revoke. The dissolution page lists what will freeze before the user confirms.

export const DissolutionDecision = {
  CONTINUE_UNDER_UNIT: 'CONTINUE_UNDER_UNIT',
  ADJUST: 'ADJUST',
  TERMINATE: 'TERMINATE',
  REVOKE: 'REVOKE',
} as const;
export type DissolutionDecision = (typeof DissolutionDecision)[keyof typeof DissolutionDecision];

/** Each decision is the project action of the same name, taken on the frozen project. */
export const DISSOLUTION_DECISION_ACTIONS: Record<DissolutionDecision, ProjectAction> = {
  CONTINUE_UNDER_UNIT: 'CONTINUE_UNDER_UNIT',
  ADJUST: 'ADJUST',
  TERMINATE: 'TERMINATE',
  REVOKE: 'REVOKE',
};

export const DISSOLUTION_DECISION_LABELS: Record<DissolutionDecision, string> = {
  CONTINUE_UNDER_UNIT: '由指定单位继续实施',
  ADJUST: '调整后继续实施',
  TERMINATE: '终止（无过错）',
  REVOKE: '撤销（有过错，追回资金，可禁入）',
};

/** The projects a dissolution freezes: those open when the alliance dissolves. */
export function projectsFrozenByDissolution<P extends { state: ProjectState }>(projects: readonly P[]): P[] {
  return projects.filter(
    (p) => decide(PROJECT_WORKFLOW, p.state, 'FREEZE_ON_DISSOLUTION', ['SYSTEM'], () => true).allowed,
  );
}

/** A frozen project waits for the authority's decision: it is on the authority's to-do list. */
export function awaitsDissolutionDecision(state: ProjectState): boolean {
  return state === 'FROZEN';
}
