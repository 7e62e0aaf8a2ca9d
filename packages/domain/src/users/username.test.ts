import { describe, expect, it } from 'vitest';
import { checkDisplayName, checkUsername, normalizeUsername } from './username.js';

describe('usernames', () => {
  it.each([
    ['admin', null],
    ['zhang.wei', null],
    ['Officer_01', null],
    ['ab', 'INVALID_USERNAME'],
    ['1admin', 'INVALID_USERNAME'],
    ['张伟', 'INVALID_USERNAME'],
    ['a'.repeat(33), 'INVALID_USERNAME'],
  ])('%s → %s', (name, expected) => {
    expect(checkUsername(name)).toBe(expected);
  });

  it('normalises case and spaces', () => {
    expect(normalizeUsername('  Zhang.Wei ')).toBe('zhang.wei');
  });

  it.each([
    ['张伟', null],
    ['   ', 'DISPLAY_NAME_REQUIRED'],
    ['长'.repeat(41), 'DISPLAY_NAME_TOO_LONG'],
  ])('display name %s → %s', (name, expected) => {
    expect(checkDisplayName(name)).toBe(expected);
  });
});
