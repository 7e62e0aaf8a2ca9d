import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantOwnedEntity } from '../../common/tenant-owned.entity';

export type UploadedDocumentKind = 'AGREEMENT_SCAN' | 'FEASIBILITY_REPORT' | 'ATTACHMENT';
/** DECISION: a decision's PDF the system made; reached through its decision, never listed as an upload. */
export type DocumentKind = UploadedDocumentKind | 'DECISION';

@Entity({ name: 'document' })
export class DocumentEntity extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId: string | null;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType: string;

  /** bigint: pg returns it as a string; sizes stay well inside Number's safe range once parsed. */
  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes: string;

  @Column({ type: 'bytea' })
  sha256: Buffer;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;
}
