import {
  checkDisplayName,
  checkPassword,
  checkRoleAssignment,
  checkUsername,
  FIELD_RULE_MESSAGES,
  PASSWORD_PROBLEM_LABELS,
  type Role,
  type TenantLevel,
} from '@xiangmeng/domain';
import type { FormRule } from 'antd';

// Form rules that apply the domain's own checks, so the form refuses exactly what the API refuses.

function refuse(message: string): Promise<never> {
  return Promise.reject(new Error(message));
}

export const usernameRules: FormRule[] = [
  { required: true, whitespace: true, message: '请输入用户名' },
  {
    validator: (_rule, value: string | undefined) => {
      const problem = value?.trim() ? checkUsername(value) : null;
      return problem ? refuse(FIELD_RULE_MESSAGES[problem] ?? problem) : Promise.resolve();
    },
  },
];

export const displayNameRules: FormRule[] = [
  {
    validator: (_rule, value: string | undefined) => {
      const problem = checkDisplayName(value ?? '');
      return problem ? refuse(FIELD_RULE_MESSAGES[problem] ?? problem) : Promise.resolve();
    },
  },
];

export function roleRules(level: TenantLevel): FormRule[] {
  return [
    {
      validator: (_rule, value: Role[] | undefined) => {
        const problem = checkRoleAssignment(level, value ?? []);
        return problem ? refuse(FIELD_RULE_MESSAGES[problem] ?? problem) : Promise.resolve();
      },
    },
  ];
}

/** The password policy, checked against the username typed in `usernameField` or a fixed one. */
export function passwordRules(username: { field: string } | { fixed: string }): FormRule[] {
  return [
    { required: true, message: '请输入密码' },
    ({ getFieldValue }) => ({
      validator: (_rule, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const name = 'fixed' in username ? username.fixed : String(getFieldValue(username.field) ?? '');
        const problems = checkPassword(value, name.trim());
        return problems.length > 0
          ? refuse(problems.map((p) => PASSWORD_PROBLEM_LABELS[p]).join('；'))
          : Promise.resolve();
      },
    }),
  ];
}

export function confirmPasswordRules(passwordField: string): FormRule[] {
  return [
    { required: true, message: '请再次输入密码' },
    ({ getFieldValue }) => ({
      validator: (_rule, value: string | undefined) =>
        !value || value === getFieldValue(passwordField) ? Promise.resolve() : refuse('两次输入的密码不一致'),
    }),
  ];
}
