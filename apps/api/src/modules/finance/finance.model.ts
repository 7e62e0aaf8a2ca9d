import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  COMPENSATION_CLAIM_WORKFLOW,
  type CompensationClaimState,
  type CompensationDecisionBasis,
  FINANCING_FORM_LABELS,
  FINANCING_NEED_STATUS_LABELS,
  INTRODUCTION_OUTCOME_LABELS,
  ORGANIZATION_TYPE_LABELS,
  type OrganizationType,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type {
  EventRow,
  FinancingRecordRow,
  IntroductionRow,
  LinkageInstitutionRow,
  Named,
  StatisticsRow,
} from './finance.repository';
import type { ClaimView, NeedView } from './finance.service';

@ObjectType('LinkageInstitution', { description: '参加省融资对接计划的金融机构' })
export class LinkageInstitutionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field() name: string;
  @Field() type: string;
  @Field() typeLabel: string;
  @Field() enrolledOn: string;
  @Field(() => String, { nullable: true }) withdrawnOn: string | null;
  @Field(() => String, { nullable: true, description: '退出原因（已退出时）' }) withdrawalReason:
    string | null;
}

@ObjectType('FinancingIntroduction', { description: '一次对接：机构与需求，及机构的答复' })
export class FinancingIntroductionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) needId: string;
  @Field(() => ID) institutionId: string;
  @Field() institutionName: string;
  @Field(() => ID, { nullable: true }) eventId: string | null;
  @Field() introducedOn: string;
  @Field({ description: 'IntroductionOutcome' }) outcome: string;
  @Field() outcomeLabel: string;
  @Field(() => String, { nullable: true }) outcomeOn: string | null;
  @Field() outcomeNote: string;
  @Field(() => Int) version: number;
}

@ObjectType('FinancingNeed', { description: '联盟成员企业的融资需求（第十七条）' })
export class FinancingNeedModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: '登记需求的市州' }) tenantId: string;
  @Field(() => ID) allianceId: string;
  @Field() allianceName: string;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field({ description: '融资金额（分）' }) amountFen: string;
  @Field() purpose: string;
  @Field(() => Int) termMonths: number;
  @Field({ description: 'FinancingForm' }) preferredForm: string;
  @Field() preferredFormLabel: string;
  @Field() postedOn: string;
  @Field() inLinkageProgramme: boolean;
  @Field({ description: 'FinancingNeedStatus' }) status: string;
  @Field() statusLabel: string;
  @Field(() => Int) version: number;
  @Field(() => [FinancingIntroductionModel]) introductions: FinancingIntroductionModel[];
}

@ObjectType('NamedOrganization')
export class NamedOrganizationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('FinancingEvent', { description: '融资对接活动' })
export class FinancingEventModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() heldOn: string;
  @Field() organizer: string;
  @Field(() => [NamedOrganizationModel]) institutions: Named[];
  @Field(() => [NamedOrganizationModel]) enterprises: Named[];
  @Field() note: string;
}

@ObjectType('FinancingRecord', { description: '融资记录：贷款、股权投资、知识产权质押贷款、科技保险' })
export class FinancingRecordModel {
  @Field(() => ID) id: string;
  @Field({ description: 'FinancingForm' }) form: string;
  @Field() formLabel: string;
  @Field(() => ID) institutionId: string;
  @Field() institutionName: string;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field(() => ID) allianceId: string;
  @Field() allianceName: string;
  @Field(() => ID, { nullable: true }) needId: string | null;
  @Field({ description: '金额（分）' }) amountFen: string;
  @Field() grantedOn: string;
  @Field(() => Int, { nullable: true }) termMonths: number | null;
  @Field(() => Int, { nullable: true, description: '年利率（万分之一）' }) rateBasisPoints: number | null;
  @Field(() => String, { nullable: true, description: '风险补偿备案日期' }) registeredOn: string | null;
  @Field(() => DateTimeScalar) recordedAt: Date;
}

@ObjectType('CompensationFigures', { description: '补偿金额的计算依据：min(比例 × 本金损失, 年度上限余额)' })
export class CompensationFiguresModel {
  @Field(() => Int) shareNumerator: number;
  @Field(() => Int) shareDenominator: number;
  @Field() perBankYearlyCeilingFen: string;
  @Field(() => Int) ceilingYear: number;
  @Field() paidThisYearFen: string;
  @Field() shareOfLossFen: string;
  @Field() remainingCeilingFen: string;
  @Field() amountFen: string;
  @Field() cappedByCeiling: boolean;
  @Field(() => Int) measuresVersionNo: number;
  @Field(() => ID) measuresId: string;
}

@ObjectType('CompensationClaim', { description: '风险补偿申请' })
export class CompensationClaimModel {
  @Field(() => ID) id: string;
  @Field(() => ID) financingRecordId: string;
  @Field(() => ID) institutionId: string;
  @Field() institutionName: string;
  @Field() organizationName: string;
  @Field() loanAmountFen: string;
  @Field() grantedOn: string;
  @Field(() => String, { nullable: true }) registeredOn: string | null;
  @Field({ description: 'CompensationClaimState' }) state: string;
  @Field() stateLabel: string;
  @Field(() => Int) version: number;
  @Field() defaultedOn: string;
  @Field() principalLostFen: string;
  @Field(() => String, { nullable: true, description: '核准的补偿金额（分）' }) amountFen: string | null;
  @Field() filedOn: string;
  @Field(() => DateTimeScalar, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) lastReason: string | null;
  @Field(() => CompensationFiguresModel, { nullable: true, description: '核准时的计算依据' })
  basis: CompensationFiguresModel | null;
  @Field(() => CompensationFiguresModel, { nullable: true, description: '待审核时按今日参数试算' })
  preview: CompensationFiguresModel | null;
  @Field(() => [String], { description: '当前用户可执行的操作' }) actions: string[];
}

@ObjectType('FinancingStatistic', { description: '联盟企业获得融资：按市州、方式、机构、年度汇总' })
export class FinancingStatisticModel {
  @Field(() => ID) tenantId: string;
  @Field() cityName: string;
  @Field() form: string;
  @Field() formLabel: string;
  @Field(() => ID) institutionId: string;
  @Field() institutionName: string;
  @Field(() => Int) year: number;
  @Field(() => Int) records: number;
  @Field() amountFen: string;
}

export const toLinkageInstitutionModel = (l: LinkageInstitutionRow): LinkageInstitutionModel => ({
  ...l,
  typeLabel: ORGANIZATION_TYPE_LABELS[l.type as OrganizationType] ?? l.type,
});

export const toIntroductionModel = (i: IntroductionRow): FinancingIntroductionModel => ({
  ...i,
  outcomeLabel: INTRODUCTION_OUTCOME_LABELS[i.outcome],
});

export const toNeedModel = (n: NeedView): FinancingNeedModel => ({
  ...n,
  preferredFormLabel: FINANCING_FORM_LABELS[n.preferredForm],
  statusLabel: FINANCING_NEED_STATUS_LABELS[n.status],
  introductions: n.introductions.map(toIntroductionModel),
});

export const toEventModel = (e: EventRow): FinancingEventModel => ({ ...e });

export const toRecordModel = (r: FinancingRecordRow): FinancingRecordModel => ({
  ...r,
  formLabel: FINANCING_FORM_LABELS[r.form],
});

function toFigures(b: CompensationDecisionBasis | null): CompensationFiguresModel | null {
  if (!b) return null;
  return {
    shareNumerator: b.share.numerator,
    shareDenominator: b.share.denominator,
    perBankYearlyCeilingFen: b.perBankYearlyCeilingFen,
    ceilingYear: b.ceilingYear,
    paidThisYearFen: b.paidThisYearFen,
    shareOfLossFen: b.shareOfLossFen,
    remainingCeilingFen: b.remainingCeilingFen,
    amountFen: b.amountFen,
    cappedByCeiling: b.cappedByCeiling,
    measuresVersionNo: b.measuresVersionNo,
    measuresId: b.measuresId,
  };
}

export const toClaimModel = (c: ClaimView): CompensationClaimModel => ({
  id: c.id,
  financingRecordId: c.financingRecordId,
  institutionId: c.institutionId,
  institutionName: c.institutionName,
  organizationName: c.organizationName,
  loanAmountFen: c.loanAmountFen,
  grantedOn: c.grantedOn,
  registeredOn: c.registeredOn,
  state: c.state,
  stateLabel: COMPENSATION_CLAIM_WORKFLOW.states[c.state as CompensationClaimState].label,
  version: c.version,
  defaultedOn: c.defaultedOn,
  principalLostFen: c.principalLostFen,
  amountFen: c.amountFen,
  filedOn: c.filedOn,
  decidedAt: c.decidedAt,
  lastReason: c.lastReason,
  basis: toFigures(COMPENSATION_CLAIM_WORKFLOW.parseDecisionBasis(c.decisionBasis)),
  preview: toFigures(c.preview),
  actions: c.actions,
});

export const toStatisticModel = (s: StatisticsRow): FinancingStatisticModel => ({
  ...s,
  formLabel: FINANCING_FORM_LABELS[s.form],
});
