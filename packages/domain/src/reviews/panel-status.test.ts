import { describe, expect, it } from 'vitest';
import { allSheetsIn, panelComplete } from './panel-status.js';

describe('panel status', () => {
  it.each([
    [{ size: 5, seated: 4, submitted: 4 }, false, false],
    [{ size: 5, seated: 5, submitted: 4 }, true, false],
    [{ size: 5, seated: 5, submitted: 5 }, true, true],
    [{ size: 0, seated: 0, submitted: 0 }, true, false],
  ])('%j: complete %s, all sheets in %s', (status, complete, allIn) => {
    expect(panelComplete(status)).toBe(complete);
    expect(allSheetsIn(status)).toBe(allIn);
  });
});
