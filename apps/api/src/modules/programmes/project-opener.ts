import type { TaskContract } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';

/** What an award opens a project (立项) with. */
export type ProjectOpening = {
  /** The awarding authority: the programme's tenant. */
  tenantId: string;
  programmeId: string;
  applicationId: string;
  allianceId: string;
  /** The alliance's home bureau. */
  allianceTenantId: string;
  awardFen: string;
  contract: TaskContract;
};

/**
 * Where an award opens its project. The projects feature implements it (ProjectsService) and
 * depends on this one (programmes, debarments), so the award reaches it through this port rather
 * than an import the other way.
 */
export abstract class ProjectOpener {
  abstract openFromAward(db: EntityManager, opening: ProjectOpening): Promise<{ id: string }>;
}
