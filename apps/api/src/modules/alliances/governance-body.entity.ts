import type { GovernanceBodyKind } from '@xiangmeng/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'governance_body' })
export class GovernanceBodyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @PrimaryColumn({ type: 'text' })
  kind: GovernanceBodyKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;
}
