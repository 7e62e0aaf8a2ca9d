import type { PlatformKind, PlatformLevel } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';

/** What a recognition (认定) enters into the platform register (Art. 15). */
export type PlatformRecognition = {
  /** The recognising authority: the programme's tenant. */
  tenantId: string;
  applicationId: string;
  allianceId: string;
  allianceName: string;
  /** The alliance's member units as frozen at submission: host and co-builders are among them. */
  allianceMemberIds: string[];
  /** The alliance's home bureau, which acts for the host unit. */
  allianceTenantId: string;
  kind: PlatformKind;
  level: PlatformLevel;
  name: string;
  hostOrganizationId: string;
  coBuilderOrganizationIds: string[];
  field: string;
  recognitionDocument: string;
  recognisedOn: string;
  director: string;
  recordedBy: string;
};

/**
 * Where a recognition enters its platform. The platforms feature implements it and depends on
 * this one, so the decision reaches it through this port (as an award reaches its project).
 */
export abstract class PlatformRecogniser {
  abstract recognise(db: EntityManager, recognition: PlatformRecognition): Promise<{ id: string }>;
}
