import {
  checkDisplayName,
  checkPassword,
  checkRoleAssignment,
  checkUsername,
  fieldViolation,
  type FieldViolation,
  type Role,
  type TenantLevel,
} from '@xiangmeng/domain';
import { badInput } from '../../common/errors/app-error';

export type NewAccount = { username: string; displayName: string; password: string };

// The domain's rules for a new account, gathered so that every failing field is named at once.
export function accountViolations(
  account: NewAccount,
  level: TenantLevel,
  roles: readonly Role[],
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const usernameProblem = checkUsername(account.username);
  if (usernameProblem) violations.push(fieldViolation('username', usernameProblem));
  const displayNameProblem = checkDisplayName(account.displayName);
  if (displayNameProblem) violations.push(fieldViolation('displayName', displayNameProblem));
  for (const problem of checkPassword(account.password, account.username)) {
    violations.push(fieldViolation('password', problem));
  }
  const roleProblem = checkRoleAssignment(level, roles);
  if (roleProblem) violations.push(fieldViolation('roles', roleProblem));
  return violations;
}

export function assertPassword(field: string, password: string, username: string): void {
  const problems = checkPassword(password, username);
  if (problems.length) throw badInput(problems.map((p) => fieldViolation(field, p)));
}
