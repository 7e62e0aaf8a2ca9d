import { checkCreditCode, fieldViolation, type FieldViolation } from '@xiangmeng/domain';

type OrganizationFields = {
  name: string;
  legalRepresentative: string;
  backboneBasis: string;
  industryBackbone: boolean;
};

export function organizationViolations(
  input: OrganizationFields & { creditCode?: string },
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (input.creditCode !== undefined) {
    const problem = checkCreditCode(input.creditCode);
    if (problem) violations.push(fieldViolation('creditCode', problem));
  }
  const name = input.name.trim();
  if (name.length < 2 || name.length > 100) {
    violations.push({ ...fieldViolation('name', 'LENGTH'), message: '单位名称应为 2–100 个字' });
  }
  const representative = input.legalRepresentative.trim();
  if (representative.length < 1 || representative.length > 40) {
    violations.push({
      ...fieldViolation('legalRepresentative', 'LENGTH'),
      message: '请填写法定代表人（不超过 40 个字）',
    });
  }
  if (input.industryBackbone && input.backboneBasis.trim().length === 0) {
    violations.push({
      ...fieldViolation('backboneBasis', 'REQUIRED'),
      message: '认定为行业骨干时请写明依据（如行业排名、营收规模）',
    });
  }
  if (input.backboneBasis.length > 500) {
    violations.push({ ...fieldViolation('backboneBasis', 'LENGTH'), message: '依据不超过 500 字' });
  }
  return violations;
}
