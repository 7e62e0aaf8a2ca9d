import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AUDIT_BREAK_REASON_LABELS, AUDIT_SUBJECT_LABELS, auditActionLabel, auditChanges } from '@xiangmeng/domain';
import type { ChainWindowRow, RecordEventRow, TenantEventRow } from './audit-history.repository';

@ObjectType('AuditChange', { description: '一项变更：字段的中文名称与变更前后的值' })
export class AuditChangeModel {
  @Field()
  field: string;

  @Field({ description: '字段名称' })
  label: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType('AuditEvent', { description: '办理记录中的一条：谁、何时、做了什么、改了什么' })
export class AuditEventModel {
  @Field({ description: '发生时间' })
  occurredAt: Date;

  @Field(() => String, { description: '事件在其单位审计链中的序号' })
  seq: string;

  @Field(() => String, { nullable: true, description: '操作人姓名' })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: '操作人所在单位' })
  tenantName: string | null;

  @Field({ description: '操作代码' })
  action: string;

  @Field({ description: '操作' })
  actionLabel: string;

  @Field(() => [AuditChangeModel])
  changes: AuditChangeModel[];
}

@ObjectType('AuditEventPage')
export class AuditEventPageModel {
  @Field(() => [AuditEventModel])
  events: AuditEventModel[];

  @Field(() => String, { nullable: true, description: '下一页从此处开始；没有下一页时为空' })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

@ObjectType('TenantAuditEvent', { description: '本单位审计链中的一条事件' })
export class TenantAuditEventModel extends AuditEventModel {
  @Field({ description: '对象类型代码' })
  subjectType: string;

  @Field({ description: '对象类型' })
  subjectLabel: string;

  @Field(() => String, { nullable: true })
  subjectId: string | null;
}

@ObjectType('TenantAuditEventPage')
export class TenantAuditEventPageModel {
  @Field(() => [TenantAuditEventModel])
  events: TenantAuditEventModel[];

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

export enum AuditChainVerdict {
  VERIFIED = 'VERIFIED',
  PARTIAL = 'PARTIAL',
  BROKEN = 'BROKEN',
  EMPTY = 'EMPTY',
}
registerEnumType(AuditChainVerdict, {
  name: 'AuditChainVerdict',
  description: 'VERIFIED 全链校验通过；PARTIAL 本次校验到一部分，尚未到链头；BROKEN 链在某条断开；EMPTY 尚无事件',
});

@ObjectType('AuditChainStatus', { description: '本单位审计哈希链的校验结果（每次最多校验一段）' })
export class AuditChainStatusModel {
  @Field(() => AuditChainVerdict)
  verdict: AuditChainVerdict;

  @Field(() => String, { nullable: true, description: '链头（最新事件）的序号' })
  headSeq: string | null;

  @Field(() => String, { description: '本次从哪一条开始校验' })
  checkedFrom: string;

  @Field(() => String, { nullable: true, description: '校验通过到第几条' })
  verifiedUpTo: string | null;

  @Field(() => String, { nullable: true, description: '断开处的序号' })
  brokenSeq: string | null;

  @Field(() => String, { nullable: true })
  brokenReason: string | null;

  @Field(() => String, { nullable: true })
  brokenReasonLabel: string | null;

  @Field(() => String, { nullable: true, description: '断开处事件的操作' })
  brokenActionLabel: string | null;

  @Field(() => Date, { nullable: true })
  brokenAt: Date | null;

  @Field(() => Int, { description: '每次最多校验的事件数' })
  windowSize: number;
}

export function toAuditEventModel(subjectType: string, row: RecordEventRow): AuditEventModel {
  return {
    occurredAt: row.occurred_at,
    seq: row.seq,
    actorName: row.actor_name,
    tenantName: row.tenant_name,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    changes: auditChanges(subjectType, row.before, row.after),
  };
}

export function toTenantAuditEventModel(row: TenantEventRow): TenantAuditEventModel {
  return {
    occurredAt: row.occurred_at,
    seq: row.seq,
    actorName: row.actor_name,
    tenantName: null,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    changes: auditChanges(row.subject_type, row.before, row.after),
    subjectType: row.subject_type,
    subjectLabel: AUDIT_SUBJECT_LABELS[row.subject_type] ?? row.subject_type,
    subjectId: row.subject_id,
  };
}

export function toChainStatus(row: ChainWindowRow | undefined, from: string, windowSize: number): AuditChainStatusModel {
  const head = row?.head_seq ?? null;
  const verdict =
    head === null
      ? AuditChainVerdict.EMPTY
      : row?.broken_seq
        ? AuditChainVerdict.BROKEN
        : row?.checked_to === head
          ? AuditChainVerdict.VERIFIED
          : AuditChainVerdict.PARTIAL;
  return {
    verdict,
    headSeq: head,
    checkedFrom: from,
    verifiedUpTo: row?.checked_to ?? null,
    brokenSeq: row?.broken_seq ?? null,
    brokenReason: row?.broken_reason ?? null,
    brokenReasonLabel: row?.broken_reason ? (AUDIT_BREAK_REASON_LABELS[row.broken_reason] ?? row.broken_reason) : null,
    brokenActionLabel: row?.broken_action ? auditActionLabel(row.broken_action) : null,
    brokenAt: row?.broken_at ?? null,
    windowSize,
  };
}
