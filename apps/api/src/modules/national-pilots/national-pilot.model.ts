import { Field, ID, ObjectType } from '@nestjs/graphql';
import { isStaff, nationalPilotActiveOn, nationalPilotTag } from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { Viewer } from '../../common/request/request-context';
import type { NationalPilotRecord } from './national-pilots.repository';

@ObjectType('NationalPilotWithdrawal')
export class NationalPilotWithdrawalModel {
  @Field({ description: '撤销日期（北京时间，YYYY-MM-DD），当日起不再是国家级试点' })
  on: string;

  @Field()
  reason: string;

  @Field(() => DateTimeScalar)
  at: Date;
}

@ObjectType('NationalPilotDesignation', {
  description: '国家级试点联盟认定（科技部认定，省科技厅记录）：名单全省公开，只有省科技厅管理员可以记录和撤销',
})
export class NationalPilotDesignationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  allianceId: string;

  @Field({ description: '联盟名称（记录时的名称）' })
  allianceName: string;

  @Field({ description: '联盟所在的市州（或省本级）' })
  allianceTenantName: string;

  @Field({ description: '科技部认定文号' })
  documentNumber: string;

  @Field({ description: '认定日期（北京时间，YYYY-MM-DD）' })
  designatedOn: string;

  @Field(() => ID, { nullable: true, description: '认定文件（下载：/api/documents/{documentId}，限省科技厅）' })
  documentId: string | null;

  /** The scan, read for its file name (documentFileName) as row-level security allows. */
  scanDocumentId: string | null;

  @Field(() => DateTimeScalar)
  recordedAt: Date;

  @Field(() => NationalPilotWithdrawalModel, { nullable: true })
  withdrawal: NationalPilotWithdrawalModel | null;

  @Field({ description: '今日（北京时间）认定是否有效' })
  inForce: boolean;

  @Field({ description: '标签文字：国家级试点（文号，认定日期）' })
  tag: string;

  @Field({ description: '由本单位记录（可撤销）' })
  isMine: boolean;
}

export function toNationalPilotModel(
  d: NationalPilotRecord,
  viewer: Viewer,
  today: string,
): NationalPilotDesignationModel {
  // The province's staff keep the list; its experts read it as any other tier does.
  const mine = d.tenantId === viewer.tenantId && isStaff(viewer.roles);
  return {
    id: d.id,
    allianceId: d.allianceId,
    allianceName: d.allianceName,
    allianceTenantName: d.allianceTenantName,
    documentNumber: d.documentNumber,
    designatedOn: d.designatedOn,
    documentId: mine ? d.documentId : null,
    scanDocumentId: d.documentId,
    recordedAt: d.recordedAt,
    withdrawal: d.withdrawal && d.withdrawnAt ? { ...d.withdrawal, at: d.withdrawnAt } : null,
    inForce: nationalPilotActiveOn(d, today),
    tag: nationalPilotTag(d),
    isMine: mine,
  };
}
