import { Injectable } from '@nestjs/common';
import { actOn } from '../../common/access/access';
import { perRequestLoader } from '../../common/request/per-request';
import type { RequestContext } from '../../common/request/request-context';
import { type DocumentModel, toDocumentModel } from '../documents/document.model';
import type { MeasuresEntity } from '../measures/measures.entity';
import type { TenantEntity } from '../tenants/tenant.entity';
import { type TenantModel, toTenantModel } from '../tenants/tenant.model';
import { CallsRepository } from './calls.repository';
import type { PilotCallEntity } from './pilot-call.entity';

/** Per-request loaders shared by the calls and applications resolvers. */
@Injectable()
export class CallLoaders {
  constructor(private readonly calls: CallsRepository) {}

  tenant(ctx: RequestContext) {
    return perRequestLoader<string, TenantEntity | undefined>(ctx, 'tenant-by-id', async (ids) => {
      const rows = await this.calls.tenantsByIds(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }

  async tenantModel(ctx: RequestContext, id: string): Promise<TenantModel> {
    const tenant = await this.tenant(ctx).load(id);
    if (!tenant) throw new Error(`tenant ${id} missing`);
    return toTenantModel(tenant);
  }

  call(ctx: RequestContext) {
    return perRequestLoader<string, PilotCallEntity | undefined>(ctx, 'pilot-call-by-id', async (ids) => {
      const rows = await this.calls.byIds(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }

  measures(ctx: RequestContext) {
    return perRequestLoader<string, MeasuresEntity | undefined>(ctx, 'measures-by-id', async (ids) => {
      const rows = await this.calls.measuresVersionsByIds(ctx.db, ids);
      return ids.map((id) => rows.find((r) => r.id === id));
    });
  }

  /** The measures version a call applies (NOT_FOUND when the viewer may not read it). */
  async measuresOf(ctx: RequestContext, measuresId: string): Promise<MeasuresEntity> {
    return actOn(await this.measures(ctx).load(measuresId));
  }

  /** The call's guide (申报指南) as the viewer reads it, or null: pilot and programme calls alike. */
  async guide(ctx: RequestContext, callId: string): Promise<DocumentModel | null> {
    const document = await perRequestLoader<string, DocumentModel | null>(ctx, 'call-guide', async (ids) => {
      const guides = await this.calls.guides(ctx.db, ids);
      return ids.map((id) => {
        const d = guides.get(id);
        return d ? toDocumentModel(d) : null;
      });
    }).load(callId);
    return document;
  }
}
