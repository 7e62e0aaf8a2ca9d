import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import type { DocumentEntity, DocumentKind, UploadedDocumentKind } from './document.entity';

export const DocumentKindEnum = {
  AGREEMENT_SCAN: 'AGREEMENT_SCAN',
  FEASIBILITY_REPORT: 'FEASIBILITY_REPORT',
  ATTACHMENT: 'ATTACHMENT',
} as const satisfies Record<UploadedDocumentKind, UploadedDocumentKind>;
registerEnumType(DocumentKindEnum, {
  name: 'DocumentKind',
  description: '文件类别：协议扫描件、可行性报告、其他附件',
});

@ObjectType('Document', { description: '上传的文件；内容按 SHA-256 留存' })
export class DocumentModel {
  @Field(() => ID)
  id: string;

  @Field(() => DocumentKindEnum)
  kind: DocumentKind;

  @Field()
  fileName: string;

  @Field()
  mediaType: string;

  @Field({ description: '字节数' })
  sizeBytes: string;

  @Field({ description: 'SHA-256（十六进制）' })
  sha256: string;

  @Field(() => DateTimeScalar)
  uploadedAt: Date;

  @Field({ description: '下载地址（需登录）' })
  downloadUrl: string;
}

export function toDocumentModel(d: DocumentEntity): DocumentModel {
  return {
    id: d.id,
    kind: d.kind,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256.toString('hex'),
    uploadedAt: d.uploadedAt,
    downloadUrl: `/api/documents/${d.id}`,
  };
}
