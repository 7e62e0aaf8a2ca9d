import { ART_16, INTERNATIONAL_PARTICULARS } from '../international/international-cooperation.js';
import type { ParticularField } from './programme-particulars.js';
import { ART_14 } from './programme-violation.js';

/** Art. 15: platform building. */
export const ART_15 = '第十五条';

// The kinds of support programme, as data: each names the article it rests on, the written parts
// and documents its application asks for, and which of the Art. 14–20 rules it applies. Plan
// projects and the special fund come first; platform building (Art. 15), international
// cooperation (Art. 16) and finance linkage (Art. 17) are further entries of the same registry.

export const ProgrammeKind = {
  /** 省级科技计划项目 (Art. 14). */
  PLAN_PROJECT: 'PLAN_PROJECT',
  /** 湖南省产学研结合专项 (Art. 14). */
  SPECIAL_FUND: 'SPECIAL_FUND',
  /** 国际科技合作项目 (Art. 16). */
  INTERNATIONAL_COOPERATION: 'INTERNATIONAL_COOPERATION',
  /** 创新平台认定 (Art. 15): the decision recognises a platform instead of opening a project. */
  PLATFORM_RECOGNITION: 'PLATFORM_RECOGNITION',
} as const;
export type ProgrammeKind = (typeof ProgrammeKind)[keyof typeof ProgrammeKind];

export const ProgrammeDocumentKind = {
  APPLICATION_FORM: 'APPLICATION_FORM',
  /** The chair unit's commitment as the responsible unit (Art. 18); eligibility checks it. */
  COMMITMENT_LETTER: 'COMMITMENT_LETTER',
  ALLIANCE_AGREEMENT: 'ALLIANCE_AGREEMENT',
  BUDGET_STATEMENT: 'BUDGET_STATEMENT',
  /** The participants' own agreement for the project (产学研合作协议). */
  COOPERATION_AGREEMENT: 'COOPERATION_AGREEMENT',
  /** The agreement with the foreign partner (国际合作协议, Art. 16). */
  INTERNATIONAL_AGREEMENT: 'INTERNATIONAL_AGREEMENT',
  ATTACHMENT: 'ATTACHMENT',
} as const;
export type ProgrammeDocumentKind = (typeof ProgrammeDocumentKind)[keyof typeof ProgrammeDocumentKind];

export const PROGRAMME_DOCUMENT_KIND_LABELS: Record<ProgrammeDocumentKind, string> = {
  APPLICATION_FORM: '项目申请书',
  COMMITMENT_LETTER: '理事长单位承诺书',
  ALLIANCE_AGREEMENT: '联盟协议',
  BUDGET_STATEMENT: '经费预算表',
  COOPERATION_AGREEMENT: '产学研合作协议',
  INTERNATIONAL_AGREEMENT: '国际合作协议',
  ATTACHMENT: '其他附件',
};

/** A written part of the application form, by its key in the form's `sections`. */
export type DossierSection = { key: string; label: string; required: boolean; maxChars: number };

export type ProgrammeKindInfo = {
  label: string;
  /** The article the kind rests on. */
  article: string;
  /** The written parts of the application, in the form's order. */
  sections: readonly DossierSection[];
  /** The structured fields the kind asks for beyond the common frame (programme-particulars.ts). */
  particulars: readonly ParticularField[];
  /**
   * Documents a call of the kind asks for unless it says otherwise. The commitment letter is
   * not among them: Art. 18 asks for it, and the eligibility check names that article.
   */
  requiredDocuments: readonly ProgrammeDocumentKind[];
  /** Only pilots of the authority's level or above may apply (Art. 14). */
  pilotsOnly: boolean;
  /** Support rests on the verified prior investment under the match ratio (Art. 14). */
  matchesPriorInvestment: boolean;
  /** The application and the task contract state the IP terms (Art. 20(2)). */
  ipTermsRequired: boolean;
  /** Every participant is a current member unit of the alliance (Art. 16: 组织联盟成员单位承担). */
  memberUnitsOnly: boolean;
  /** The responsible unit must be the alliance's chair unit, with its commitment letter (Art. 18). */
  chairUnitResponsible: boolean;
  /** What the positive decision makes: a project under a task contract, or a platform in the register. */
  outcome: 'PROJECT' | 'PLATFORM';
};

const section = (key: string, label: string, maxChars = 5000, required = true): DossierSection => ({
  key,
  label,
  required,
  maxChars,
});

export const PROGRAMME_KINDS: Record<ProgrammeKind, ProgrammeKindInfo> = {
  PLAN_PROJECT: {
    label: '省级科技计划项目',
    article: ART_14,
    sections: [
      section('objectives', '目标任务'),
      section('technicalRoute', '技术路线与创新点'),
      section('indicators', '考核指标', 2000),
      section('schedule', '进度安排', 2000),
      section('expectedResults', '预期成果与效益'),
      section('risks', '风险分析与对策', 2000, false),
    ],
    requiredDocuments: ['APPLICATION_FORM', 'ALLIANCE_AGREEMENT', 'BUDGET_STATEMENT'],
    particulars: [],
    pilotsOnly: true,
    matchesPriorInvestment: true,
    ipTermsRequired: true,
    memberUnitsOnly: false,
    chairUnitResponsible: true,
    outcome: 'PROJECT',
  },
  SPECIAL_FUND: {
    label: '湖南省产学研结合专项',
    article: ART_14,
    sections: [
      section('cooperationBasis', '产学研合作基础'),
      section('objectives', '目标任务'),
      section('schedule', '进度安排', 2000),
      section('industrialisation', '成果转化与产业化前景'),
      section('expectedResults', '预期成果与效益'),
    ],
    requiredDocuments: [
      'APPLICATION_FORM',
      'ALLIANCE_AGREEMENT',
      'COOPERATION_AGREEMENT',
      'BUDGET_STATEMENT',
    ],
    particulars: [],
    pilotsOnly: true,
    matchesPriorInvestment: true,
    ipTermsRequired: true,
    memberUnitsOnly: false,
    chairUnitResponsible: true,
    outcome: 'PROJECT',
  },
  // Art. 16 supports alliances, not only pilots, and its support does not rest on a prior
  // investment (that is Art. 14's); Art. 18 and Art. 20(2) hold for it as for every plan project.
  INTERNATIONAL_COOPERATION: {
    label: '国际科技合作项目',
    article: ART_16,
    sections: [
      section('cooperationBasis', '合作基础与外方优势'),
      section('objectives', '合作内容与目标任务'),
      section('schedule', '进度安排', 2000),
      section('expectedResults', '预期成果与效益'),
    ],
    particulars: INTERNATIONAL_PARTICULARS,
    requiredDocuments: ['APPLICATION_FORM', 'INTERNATIONAL_AGREEMENT', 'BUDGET_STATEMENT'],
    pilotsOnly: false,
    matchesPriorInvestment: false,
    ipTermsRequired: true,
    memberUnitsOnly: true,
    chairUnitResponsible: true,
    outcome: 'PROJECT',
  },
  // The form's frame reads for a platform: title = the platform's name, responsible unit = the host
  // unit, person = the designated director, participants = the co-building members with their
  // part; no money is asked (support for building it runs through a plan-project programme).
  PLATFORM_RECOGNITION: {
    label: '创新平台认定',
    article: ART_15,
    sections: [
      section('platformPlan', '平台建设方案（目标、方向与任务）'),
      section('conditions', '建设条件（场地、设备、人员与经费）'),
      section('coBuilding', '共建机制与各方投入', 3000),
      section('expectedResults', '预期成果与服务产业', 3000),
    ],
    // The co-building agreement is the members' agreement for the platform.
    requiredDocuments: ['APPLICATION_FORM', 'COOPERATION_AGREEMENT'],
    pilotsOnly: true,
    matchesPriorInvestment: false,
    particulars: [],
    ipTermsRequired: false,
    memberUnitsOnly: false,
    chairUnitResponsible: false,
    outcome: 'PLATFORM',
  },
};

export const PROGRAMME_KIND_LABELS: Record<ProgrammeKind, string> = Object.fromEntries(
  Object.entries<ProgrammeKindInfo>(PROGRAMME_KINDS).map(([kind, info]) => [kind, info.label]),
) as Record<ProgrammeKind, string>;

export const PROGRAMME_KIND_LIST: readonly ProgrammeKind[] = Object.keys(PROGRAMME_KINDS) as ProgrammeKind[];

/** The kind a stored code names, or null for one this version does not know. */
export function programmeKindOf(code: unknown): ProgrammeKind | null {
  return typeof code === 'string' && Object.hasOwn(PROGRAMME_KINDS, code) ? (code as ProgrammeKind) : null;
}
