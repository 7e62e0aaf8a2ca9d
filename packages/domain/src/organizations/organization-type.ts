export const OrganizationType = {
  ENTERPRISE: 'ENTERPRISE',
  UNIVERSITY: 'UNIVERSITY',
  RESEARCH_INSTITUTE: 'RESEARCH_INSTITUTE',
  INTERMEDIARY: 'INTERMEDIARY',
  BANK: 'BANK',
  VENTURE_CAPITAL: 'VENTURE_CAPITAL',
  GUARANTEE: 'GUARANTEE',
  INSURANCE: 'INSURANCE',
  OTHER: 'OTHER',
} as const;
export type OrganizationType = (typeof OrganizationType)[keyof typeof OrganizationType];

export const ORGANIZATION_TYPES: readonly OrganizationType[] = Object.values(OrganizationType);

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  ENTERPRISE: '企业',
  UNIVERSITY: '高等院校',
  RESEARCH_INSTITUTE: '科研院所',
  INTERMEDIARY: '中介服务机构',
  BANK: '银行',
  VENTURE_CAPITAL: '创业投资机构',
  GUARANTEE: '融资担保机构',
  INSURANCE: '保险机构',
  OTHER: '其他',
};
