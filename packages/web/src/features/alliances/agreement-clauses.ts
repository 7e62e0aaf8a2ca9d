import { FOUNDING_CONDITION_INFO, type FoundingCondition } from '@xiangmeng/domain';
import type { AllianceAgreementsQuery as AllianceAgreementsResult } from '../../gql/graphql';

export type Agreement = AllianceAgreementsResult['alliance']['agreements'][number];

export type ClauseKey =
  | 'innovationGoals'
  | 'ipOwnership'
  | 'ipLicensing'
  | 'ipBenefitSharing'
  | 'breachLiability'
  | 'ipOnDissolution'
  | 'ipOnMemberExit'
  | 'fundManagement'
  | 'fundSupervision'
  | 'newMembersRule'
  | 'externalCooperation'
  | 'resultsDiffusion';

type ClauseGroup = {
  /** The Art. 8 condition these clauses serve, for the heading's article reference. */
  condition: FoundingCondition;
  /** The article asking for the clauses when it is not the condition's own. */
  article?: string;
  heading: string;
  clauses: { key: ClauseKey; label: string; placeholder: string }[];
};

// The agreement's clauses in the order of Art. 8; the tasks per member sit with the goals (Art. 8(2)).
export const CLAUSE_GROUPS: ClauseGroup[] = [
  {
    condition: 'AGREEMENT',
    heading: '技术创新目标',
    clauses: [{ key: 'innovationGoals', label: '技术创新目标', placeholder: '联盟明确的技术创新目标' }],
  },
  {
    condition: 'FUNDS',
    heading: '经费管理',
    clauses: [
      {
        key: 'fundManagement',
        label: '经费内部管理办法',
        placeholder: '经费来源、使用和管理办法；可委托依托单位管理',
      },
      { key: 'fundSupervision', label: '经费使用的内部监督机制', placeholder: '内部审计、监督和公开办法' },
    ],
  },
  {
    condition: 'INTERESTS',
    heading: '利益保障（知识产权）',
    clauses: [
      { key: 'ipOwnership', label: '成果和知识产权的权利归属', placeholder: '事先约定的权利归属' },
      { key: 'ipLicensing', label: '许可使用办法', placeholder: '成员内外的许可使用办法' },
      { key: 'ipBenefitSharing', label: '转化收益分配办法', placeholder: '成果转化收益的分配办法' },
      { key: 'breachLiability', label: '违约责任', placeholder: '违反约定的责任' },
    ],
  },
  {
    // Not a founding condition: a programme supports only an alliance whose agreement has them.
    condition: 'INTERESTS',
    article: '第二十条',
    heading: '解散和退出时的知识产权处理',
    clauses: [
      {
        key: 'ipOnDissolution',
        label: '联盟解散时的知识产权处理方案',
        placeholder: '联盟解散时共有知识产权的归属、许可和收益处理',
      },
      {
        key: 'ipOnMemberExit',
        label: '成员退出时的知识产权处理方案',
        placeholder: '成员单位退出时已形成知识产权的归属和继续使用办法',
      },
    ],
  },
  {
    condition: 'OPENNESS',
    heading: '开放发展与成果扩散',
    clauses: [
      { key: 'newMembersRule', label: '吸收新成员的办法', placeholder: '根据发展需要吸纳新成员的办法' },
      { key: 'externalCooperation', label: '与外部组织交流合作的办法', placeholder: '对外交流合作' },
      { key: 'resultsDiffusion', label: '成果扩散机制', placeholder: '政府资助项目成果向联盟外扩散的机制' },
    ],
  },
];

export const CLAUSE_KEYS: ClauseKey[] = CLAUSE_GROUPS.flatMap((g) => g.clauses.map((c) => c.key));

export function groupHeading(group: ClauseGroup): string {
  return `${group.heading}（${group.article ?? FOUNDING_CONDITION_INFO[group.condition].article}）`;
}
