import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  BUDGET_SOURCE_LABELS,
  LEDGER_ENTRY_KIND_LABELS,
  ledgerTotals,
  PROJECT_STATE_LABELS,
  trancheRoomFen,
} from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { GraphQLJSONObject } from '../../common/graphql/json-object.scalar';
import type { BalanceRow } from './projects.repository';
import type { ProjectEntity, ProjectLedgerEntryEntity } from './project.entity';

@ObjectType('ProjectAcceptanceDocument', { description: '验收申请附的文件' })
export class ProjectAcceptanceDocumentModel {
  @Field(() => ID)
  documentId: string;

  @Field()
  fileName: string;
}

@ObjectType('ProjectAcceptance', { description: '验收申请（总结报告与材料）及验收评审' })
export class ProjectAcceptanceModel {
  @Field({ description: '申请验收日期（北京时间）' })
  requestedOn: string;

  @Field({ description: '项目总结报告' })
  finalReport: string;

  @Field(() => [ID])
  documentIds: string[];

  @Field(() => String, { nullable: true })
  reviewStartedOn: string | null;

  @Field(() => String, { nullable: true })
  reviewedOn: string | null;

  @Field(() => Number, { nullable: true, description: '评审结束时专家组的汇总分' })
  reviewTotal: number | null;

  @Field(() => Boolean, { nullable: true, description: '汇总分是否达到合格线' })
  reviewPasses: boolean | null;
}

@ObjectType('Project', { description: '项目（立项）：任务书、预算、资金台账与生命周期' })
export class ProjectModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: '授予项目的主管部门（省科技厅或市州科技局）' })
  authorityTenantId: string;

  @Field(() => ID, { description: '联盟所在市州（代承担单位办理）' })
  cityTenantId: string;

  @Field(() => ID)
  programmeId: string;

  @Field(() => ID, { description: '立项所依据的计划申报' })
  applicationId: string;

  @Field(() => ID)
  allianceId: string;

  @Field()
  title: string;

  @Field({ description: '立项支持金额（分）' })
  awardFen: string;

  @Field({ description: '支持资金所在的预算来源' })
  supportSource: string;

  @Field()
  supportSourceLabel: string;

  @Field({ description: '立项日期（北京时间）' })
  awardedOn: string;

  @Field()
  state: string;

  @Field()
  stateLabel: string;

  @Field(() => Int)
  version: number;

  @Field(() => GraphQLJSONObject, { description: '现行任务书（TaskContract）' })
  contract: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: '最近一次决定的依据（ProjectDecisionBasis）',
  })
  decisionBasis: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '待核准的变更申请（ProjectChange）' })
  pendingChange: Record<string, unknown> | null;

  @Field(() => [GraphQLJSONObject], { description: '已报送的进展报告（ProgressReport）' })
  reports: Record<string, unknown>[];

  @Field(() => DateTimeScalar, { nullable: true })
  frozenAt: Date | null;

  @Field(() => String, { nullable: true })
  lastReason: string | null;

  @Field(() => ProjectAcceptanceModel, { nullable: true, description: '验收申请；申请验收前为空' })
  acceptance: ProjectAcceptanceModel | null;

  /** The alliance's industry as the acceptance request recorded it. */
  industryCode: string | null;

  @Field(() => String, { nullable: true, description: '验收公示开始日期（YYYY-MM-DD）' })
  noticeStartsOn: string | null;

  @Field(() => String, { nullable: true, description: '验收公示结束日期（含当日）；次日起可作出验收结论' })
  noticeEndsOn: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

export function toProjectModel(p: ProjectEntity): ProjectModel {
  return {
    id: p.id,
    authorityTenantId: p.tenantId,
    cityTenantId: p.allianceTenantId,
    programmeId: p.programmeId,
    applicationId: p.applicationId,
    allianceId: p.allianceId,
    title: p.title,
    awardFen: String(p.awardFen),
    supportSource: p.supportSource,
    supportSourceLabel: BUDGET_SOURCE_LABELS[p.supportSource],
    awardedOn: p.awardedOn,
    state: p.state,
    stateLabel: PROJECT_STATE_LABELS[p.state],
    version: p.version,
    contract: p.dossier ?? {},
    decisionBasis: p.decisionBasis,
    pendingChange: p.pendingChange,
    reports: p.reports,
    frozenAt: p.frozenAt,
    lastReason: p.lastReason,
    acceptance: p.acceptance
      ? {
          requestedOn: p.acceptance.requestedOn,
          finalReport: p.acceptance.finalReport,
          documentIds: p.acceptance.documentIds,
          reviewStartedOn: p.acceptance.reviewStartedOn,
          reviewedOn: p.acceptance.reviewedOn,
          reviewTotal: p.acceptance.review?.total ?? null,
          reviewPasses: p.acceptance.review?.passes ?? null,
        }
      : null,
    industryCode: p.acceptance?.alliance.industryCode ?? null,
    noticeStartsOn: p.noticeStartsOn,
    noticeEndsOn: p.noticeEndsOn,
    createdAt: p.createdAt,
  };
}

@ObjectType('ProjectPage')
export class ProjectPageModel {
  @Field(() => [ProjectModel])
  items: ProjectModel[];

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('ProjectLedgerEntry', { description: '资金台账的一笔：拨付或追回（只增不改）' })
export class ProjectLedgerEntryModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  projectId: string;

  @Field({ description: 'DISBURSEMENT 拨付 | RECOVERY 追回' })
  kind: string;

  @Field()
  kindLabel: string;

  @Field()
  amountFen: string;

  @Field({ description: '资金发生日期（北京时间）' })
  entryOn: string;

  @Field()
  documentNumber: string;

  @Field()
  note: string;

  @Field(() => DateTimeScalar)
  recordedAt: Date;
}

export function toLedgerEntryModel(e: ProjectLedgerEntryEntity): ProjectLedgerEntryModel {
  return {
    id: e.id,
    projectId: e.projectId,
    kind: e.kind,
    kindLabel: LEDGER_ENTRY_KIND_LABELS[e.kind],
    amountFen: String(e.amountFen),
    entryOn: e.entryOn,
    documentNumber: e.documentNumber,
    note: e.note,
    recordedAt: e.recordedAt,
  };
}

@ObjectType('ProjectLedgerTotals', { description: '由台账汇总的金额（分），不另行存储' })
export class ProjectLedgerTotalsModel {
  @Field()
  awardedFen: string;

  @Field()
  disbursedFen: string;

  @Field()
  recoveredFen: string;

  @Field({ description: '已拨付净额 = 拨付 − 追回' })
  netFen: string;

  @Field({ description: '尚可拨付 = 立项金额 − 累计拨付' })
  remainingFen: string;
}

export function toLedgerTotals(
  project: ProjectEntity,
  entries: ProjectLedgerEntryEntity[],
): ProjectLedgerTotalsModel {
  const ledger = entries.map((e) => ({
    projectId: e.projectId,
    kind: e.kind,
    amountFen: String(e.amountFen),
    on: e.entryOn,
  }));
  return {
    awardedFen: String(project.awardFen),
    ...ledgerTotals(ledger),
    remainingFen: trancheRoomFen({ projectId: project.id, awardFen: String(project.awardFen) }, ledger),
  };
}

@ObjectType('LedgerBalance', { description: '按项目、计划、市州或年度汇总的立项与拨付（分）' })
export class LedgerBalanceModel {
  @Field({ description: '分组键：项目/计划/市州的编号，或年度' })
  key: string;

  @Field()
  awardedFen: string;

  @Field()
  disbursedFen: string;

  @Field()
  recoveredFen: string;

  @Field()
  netFen: string;
}

export function toBalanceModel(row: BalanceRow): LedgerBalanceModel {
  return { ...row };
}
