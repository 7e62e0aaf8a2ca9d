import { describe, expect, it } from 'vitest';
import { workItemPath } from './work-items.js';

describe('workItemPath', () => {
  it.each([
    [
      { kind: 'RECOMMEND', subject: 'PILOT_APPLICATION', subjectId: 'a', assignmentId: null },
      '/pilots/applications/a',
    ],
    [
      { kind: 'CHECK', subject: 'PROGRAMME_APPLICATION', subjectId: 'b', assignmentId: null },
      '/programmes/applications/b',
    ],
    [{ kind: 'DISPOSE_FROZEN', subject: 'PROJECT', subjectId: 'c', assignmentId: null }, '/projects/c'],
    [{ kind: 'APPROVE_CHANGE', subject: 'PROJECT', subjectId: 'c', assignmentId: null }, '/projects/c'],
    [{ kind: 'SCORE', subject: 'FILING', subjectId: 'd', assignmentId: 'x' }, '/reviews/mine/x'],
    [
      { kind: 'SCORE', subject: 'PROGRAMME_APPLICATION', subjectId: 'b', assignmentId: 'y' },
      '/reviews/mine/y',
    ],
  ] as const)('%j → %s', (item, path) => {
    expect(workItemPath(item)).toBe(path);
  });
});
