import { Injectable } from '@nestjs/common';
import { type MeasuresParameters, resolveParameters } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { CallsRepository } from './calls.repository';
import type { PilotCallEntity } from './pilot-call.entity';

export type CallMeasures = { parameters: MeasuresParameters; measuresId: string; versionNo: number };

/**
 * The rules a call applies: the measures version recorded on it at creation, whatever has been
 * published since. A city's version holds overrides only; its province base is the version it
 * derives from.
 */
@Injectable()
export class CallMeasuresService {
  constructor(private readonly calls: CallsRepository) {}

  async parametersFor(
    db: EntityManager,
    call: Pick<PilotCallEntity, 'measuresId' | 'measuresTenantId'>,
  ): Promise<CallMeasures> {
    const measures = actOn(await this.calls.measuresVersion(db, call.measuresId, call.measuresTenantId));
    let parameters = measures.parameters as MeasuresParameters;
    if (measures.derivesFromId) {
      const base = actOn(
        await this.calls.measuresVersion(db, measures.derivesFromId, measures.derivesFromTenantId),
      );
      parameters = resolveParameters(base.parameters as MeasuresParameters, measures.parameters);
    }
    return { parameters, measuresId: measures.id, versionNo: measures.versionNo };
  }

  /** The parameters of a call the viewer reads; null for a call they may not read. */
  async parametersOfCall(db: EntityManager, callId: string): Promise<CallMeasures | null> {
    const call = await this.calls.find(db, callId);
    return call ? this.parametersFor(db, call) : null;
  }
}
