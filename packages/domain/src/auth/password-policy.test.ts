import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['Xiangmeng@2026', 'zhang', []],
    ['short1A!', 'zhang', ['TOO_SHORT']],
    ['alllowercaseletters', 'zhang', ['TOO_FEW_CHARACTER_CLASSES']],
    ['lowercase123456', 'zhang', ['TOO_FEW_CHARACTER_CLASSES']],
    ['Lowercase123456', 'zhang', []],
    ['Zhang@123456', 'zhang', ['CONTAINS_USERNAME']],
    ['A1!' + 'a'.repeat(200), 'zhang', ['TOO_LONG']],
  ])('%s for %s → %j', (password, username, expected) => {
    expect(checkPassword(password, username)).toEqual(expected);
  });

  it('accepts any long password with all four classes that avoids the username', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,20}$/), (tail) => {
        const password = `Qx9#${tail}Zz`;
        return checkPassword(password, 'officer-name-that-is-long').length === 0 || password.length < 10;
      }),
    );
  });
});
