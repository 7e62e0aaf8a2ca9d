// Minimum password policy (GB/T 22239-2019 level 3 asks for complexity and periodic change;
// we enforce length and character classes, and refuse the obvious).
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CHARACTER_CLASSES' | 'CONTAINS_USERNAME';

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, string> = {
  TOO_SHORT: `密码至少 ${PASSWORD_MIN_LENGTH} 位`,
  TOO_LONG: `密码不能超过 ${PASSWORD_MAX_LENGTH} 位`,
  TOO_FEW_CHARACTER_CLASSES: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
  CONTAINS_USERNAME: '密码不能包含用户名',
};

export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (length > PASSWORD_MAX_LENGTH) problems.push('TOO_LONG');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('TOO_FEW_CHARACTER_CLASSES');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('CONTAINS_USERNAME');
  }
  return problems;
}
