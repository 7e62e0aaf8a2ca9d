import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DECISION_PDF_STATE_LABELS, type DecisionPdfState } from '@xiangmeng/domain';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { DecisionPdf } from './decision-pdfs.repository';

export const DecisionPdfStateEnum = Object.fromEntries(
  Object.keys(DECISION_PDF_STATE_LABELS).map((k) => [k, k]),
) as { [K in DecisionPdfState]: K };
registerEnumType(DecisionPdfStateEnum, {
  name: 'DecisionPdfState',
  description: '决定书 PDF：生成中、已生成、未生成',
});

@ObjectType('DecisionPdf', { description: '系统生成的决定书 PDF，SHA-256 与决定一并留存' })
export class DecisionPdfModel {
  @Field(() => DecisionPdfStateEnum)
  state: DecisionPdfState;

  @Field()
  fileName: string;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  renderedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'SHA-256（十六进制），已生成时' })
  sha256: string | null;

  @Field(() => String, { nullable: true, description: '下载地址（需登录），已生成时' })
  downloadUrl: string | null;

  @Field(() => String, { nullable: true, description: '未生成的原因' })
  reason: string | null;
}

export function toDecisionPdfModel(p: DecisionPdf): DecisionPdfModel {
  return {
    state: p.state,
    fileName: p.fileName,
    requestedAt: p.requestedAt,
    renderedAt: p.renderedAt,
    sha256: p.sha256 ? p.sha256.toString('hex') : null,
    downloadUrl: p.documentId ? `/api/documents/${p.documentId}` : null,
    reason: p.reason,
  };
}
