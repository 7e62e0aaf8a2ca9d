import {
  checkCreditCode,
  CREDIT_CODE_PROBLEM_LABELS,
  creditCodeTypeMismatch,
  ORGANIZATION_TYPE_LABELS,
  parseCreditCode,
  type OrganizationType,
} from '@xiangmeng/domain';
import type { FormRule } from 'antd';

// Form rules that apply the domain's credit-code rule, so the form refuses exactly what the API refuses.

export const creditCodeRules: FormRule[] = [
  { required: true, whitespace: true, message: '请输入统一社会信用代码' },
  {
    validator: (_rule, value: string | undefined) => {
      const problem = value?.trim() ? checkCreditCode(value) : null;
      return problem ? Promise.reject(new Error(CREDIT_CODE_PROBLEM_LABELS[problem])) : Promise.resolve();
    },
  },
];

/** A warning only: the registering authority in the code hints at another type of organization. */
export function creditCodeTypeWarning(typeField: string): FormRule {
  return ({ getFieldValue }) => ({
    warningOnly: true,
    validator: (_rule, value: string | undefined) => {
      const type = getFieldValue(typeField) as OrganizationType | undefined;
      if (!value || !type || checkCreditCode(value) !== null || !creditCodeTypeMismatch(value, type)) {
        return Promise.resolve();
      }
      return Promise.reject(new Error(typeMismatchMessage(value, type)));
    },
  });
}

/** The same warning on the type field, for an entry whose credit code is fixed (更正). */
export function organizationTypeWarning(creditCode: string): FormRule {
  return {
    warningOnly: true,
    validator: (_rule, type: OrganizationType | undefined) =>
      type && checkCreditCode(creditCode) === null && creditCodeTypeMismatch(creditCode, type)
        ? Promise.reject(new Error(typeMismatchMessage(creditCode, type)))
        : Promise.resolve(),
  };
}

function typeMismatchMessage(creditCode: string, type: OrganizationType): string {
  const authority = parseCreditCode(creditCode).registeringAuthority;
  return `信用代码第 1 位「${authority}」（登记管理部门）与单位类型「${ORGANIZATION_TYPE_LABELS[type]}」通常不一致，请核对；仅作提示，可以保存`;
}
