import { describe, expect, it } from 'vitest';
import { PILOT_ROUTE, PILOT_WORKFLOW, type PilotState } from '../pilots/pilot-transitions.js';
import { workflowProgress } from './workflow-progress.js';

const progress = (state: PilotState, reached: PilotState[]) =>
  workflowProgress(PILOT_WORKFLOW, PILOT_ROUTE, state, reached, ['PUBLICISED']);

describe('workflowProgress of a pilot application', () => {
  it.each<[PilotState, PilotState[], number, string, string]>([
    ['DRAFT', ['DRAFT'], 0, 'process', '草稿'],
    ['RECOMMENDED', ['DRAFT', 'SUBMITTED', 'RECOMMENDED'], 2, 'process', '已推荐'],
    ['IN_REVIEW', ['DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'IN_REVIEW'], 4, 'process', '专家评审中'],
    [
      'APPROVED',
      ['DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED'],
      6,
      'finish',
      '已确认试点',
    ],
    // Off the route: where it stopped, under the state's own name.
    ['NOT_RECOMMENDED', ['DRAFT', 'SUBMITTED'], 2, 'error', '不予推荐'],
    ['REFUSED', ['DRAFT', 'SUBMITTED', 'RECOMMENDED'], 3, 'error', '不予受理'],
    [
      'DECLINED',
      ['DRAFT', 'SUBMITTED', 'RECOMMENDED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED'],
      6,
      'error',
      '未予确认',
    ],
    ['WITHDRAWN', ['DRAFT'], 1, 'error', '已撤回'],
    ['RETURNED', ['DRAFT', 'SUBMITTED'], 0, 'process', '退回修改'],
  ])('%s after %j is at step %i (%s), named %s', (state, reached, current, status, label) => {
    const seen = progress(state, reached);
    expect(seen).toMatchObject({ current, status });
    expect(seen.steps[current]!.label).toBe(label);
  });

  it('shows 公示 only for an application that reached it', () => {
    expect(progress('REVIEWED', ['REVIEWED']).steps.map((s) => s.state)).not.toContain('PUBLICISED');
    const publicised = progress('PUBLICISED', ['REVIEWED', 'PUBLICISED']);
    expect(publicised.steps.map((s) => s.state)).toContain('PUBLICISED');
    expect(publicised.steps[publicised.current]!.label).toBe('公示中');
  });
});
