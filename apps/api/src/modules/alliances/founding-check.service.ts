import { Injectable } from '@nestjs/common';
import { type AllianceSnapshot, checkFoundingConditions, type FoundingCheck } from '@xiangmeng/domain';
import type { Viewer } from '../../common/request/request-context';
import type { RequestContext } from '../../common/request/request-context';
import { type MeasuresInForce, MeasuresService } from '../measures/measures.service';
import type { MeasuresBasis } from './alliance.model';

export type FoundingCheckWithBasis = FoundingCheck & { measures: MeasuresInForce };

@Injectable()
export class FoundingCheckService {
  constructor(private readonly measures: MeasuresService) {}

  /** The rules in force on a date, once per request and basis. */
  private inForce(
    ctx: RequestContext,
    viewer: Viewer,
    asOf: string,
    basis: MeasuresBasis,
  ): Promise<MeasuresInForce> {
    const key = `measures-in-force:${basis}:${asOf}`;
    let cached = ctx.loaders.get(key) as Promise<MeasuresInForce> | undefined;
    if (!cached) {
      cached = this.measures.inForce(ctx.db, viewer, asOf, basis === 'OWN');
      ctx.loaders.set(key, cached);
    }
    return cached;
  }

  /** Art. 8 on a date under the viewer's rules in force (its own, or the province's alone). */
  async check(
    ctx: RequestContext,
    viewer: Viewer,
    snapshot: AllianceSnapshot,
    asOf: string,
    basis: MeasuresBasis,
  ): Promise<FoundingCheckWithBasis> {
    const measures = await this.inForce(ctx, viewer, asOf, basis);
    return { ...checkFoundingConditions(snapshot, measures.parameters, asOf), measures };
  }
}
