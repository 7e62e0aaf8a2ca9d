import type { IndustryCategory } from '@xiangmeng/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'industry' })
export class IndustryEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode: string | null;

  @Column({ type: 'text' })
  category: IndustryCategory;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;
}
