import { In } from 'typeorm';
import { perRequestLoader } from '../../common/request/per-request';
import type { RequestContext } from '../../common/request/request-context';
import { MeasuresEntity } from '../measures/measures.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { TenantModel, toTenantModel } from '../tenants/tenant.model';
import { PilotCallEntity } from './pilot-call.entity';

// Per-request loaders shared by the calls and applications resolvers.

export function tenantLoader(ctx: RequestContext) {
  return perRequestLoader<string, TenantEntity | undefined>(ctx, 'tenant-by-id', async (ids) => {
    const rows = await ctx.db.findBy(TenantEntity, { id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id));
  });
}

export async function tenantModel(ctx: RequestContext, id: string): Promise<TenantModel> {
  const tenant = await tenantLoader(ctx).load(id);
  if (!tenant) throw new Error(`tenant ${id} missing`);
  return toTenantModel(tenant);
}

export function callLoader(ctx: RequestContext) {
  return perRequestLoader<string, PilotCallEntity | undefined>(ctx, 'pilot-call-by-id', async (ids) => {
    const rows = await ctx.db.findBy(PilotCallEntity, { id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id));
  });
}

export function measuresLoader(ctx: RequestContext) {
  return perRequestLoader<string, MeasuresEntity | undefined>(ctx, 'measures-by-id', async (ids) => {
    const rows = await ctx.db.findBy(MeasuresEntity, { id: In([...ids]) });
    return ids.map((id) => rows.find((r) => r.id === id));
  });
}
