import { Injectable } from '@nestjs/common';
import { type MeasuresParameters, resolveParameters } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { MeasuresEntity } from '../measures/measures.entity';
import type { PilotCallEntity } from './pilot-call.entity';

export type CallMeasures = { parameters: MeasuresParameters; measuresId: string; versionNo: number };

/**
 * The rules a call applies: the measures version recorded on it at creation, whatever has been
 * published since. A city's version holds overrides only; its province base is the version it
 * derives from.
 */
@Injectable()
export class CallMeasuresService {
  async parametersFor(db: EntityManager, call: PilotCallEntity): Promise<CallMeasures> {
    const measures = await db.findOneBy(MeasuresEntity, {
      id: call.measuresId,
      tenantId: call.measuresTenantId,
    });
    if (!measures) throw new AppError('NOT_FOUND', {}, '找不到申报通知适用的实施办法版本');
    let parameters: MeasuresParameters;
    if (measures.derivesFromId) {
      const base = await db.findOneBy(MeasuresEntity, {
        id: measures.derivesFromId,
        tenantId: measures.derivesFromTenantId ?? undefined,
      });
      if (!base) throw new AppError('NOT_FOUND', {}, '找不到市州实施办法所依据的省级版本');
      parameters = resolveParameters(base.parameters as MeasuresParameters, measures.parameters);
    } else {
      parameters = measures.parameters as MeasuresParameters;
    }
    return { parameters, measuresId: measures.id, versionNo: measures.versionNo };
  }
}
