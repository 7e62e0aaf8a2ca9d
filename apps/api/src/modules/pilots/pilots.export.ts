import { Injectable } from '@nestjs/common';
import { PILOT_LEVEL_LABELS, PILOT_STATE_LABELS, type PilotState, STAFF_ROLES } from '@xiangmeng/domain';
import {
  allianceNamesOf,
  at,
  type ExportColumn,
  type ExportQuery,
  label,
  ListExport,
  type ListExportDefinition,
  namesOf,
  oneOf,
  someOf,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { PilotApplicationFilterInput } from './dto/pilot-application.input';
import { type ConfirmedPilotModel, PilotApplicationScope } from './pilot-application.model';
import type { PilotApplicationEntity } from './pilot-application.entity';
import { PilotApplicationsRepository } from './pilot-applications.repository';
import { PilotApplicationsService } from './pilot-applications.service';

type ApplicationRow = PilotApplicationEntity & { allianceName: string; cityName: string; callTitle: string };

/** 试点申报 (本级的 / 收到的): the applications list with its scope, call and states. */
@Injectable()
@ListExport()
export class PilotApplicationsExport implements ListExportDefinition<
  PilotApplicationFilterInput,
  ApplicationRow
> {
  readonly name = 'pilot-applications';
  readonly title = '试点申报';
  readonly roles = STAFF_ROLES;

  constructor(private readonly applications: PilotApplicationsService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): PilotApplicationFilterInput {
    // The GraphQL schema checks these enums for the list; the export checks the same values.
    return {
      scope: oneOf(query, 'filter.scope', PilotApplicationScope) ?? 'ALL',
      states: someOf<PilotState>(query, 'filter.states', PILOT_STATE_LABELS) ?? null,
      callId: text(query, 'callId') ?? null,
    };
  }

  columns(): ExportColumn<ApplicationRow>[] {
    return [
      { key: 'alliance', header: '联盟名称', width: 36, value: (a) => a.allianceName },
      { key: 'city', header: '所在市州', width: 12, value: (a) => a.cityName },
      { key: 'call', header: '申报通知', width: 36, value: (a) => a.callTitle },
      { key: 'level', header: '试点级别', width: 10, value: (a) => label(PILOT_LEVEL_LABELS, a.level) },
      { key: 'state', header: '状态', width: 12, value: (a) => label(PILOT_STATE_LABELS, a.state) },
      { key: 'submittedAt', header: '提交时间', width: 18, value: (a) => at(a.submittedAt) },
      { key: 'decidedAt', header: '决定时间', width: 18, value: (a) => at(a.decidedAt) },
    ];
  }

  async rows(
    ctx: RequestContext,
    viewer: Viewer,
    filter: PilotApplicationFilterInput,
  ): Promise<ApplicationRow[]> {
    const list = await this.applications.list(ctx.db, viewer, filter, { withDossier: true });
    const allianceName = await allianceNamesOf(ctx.db, list);
    const cities = await namesOf(
      ctx.db,
      'tenant',
      list.map((a) => a.tenantId),
    );
    const calls = await namesOf(
      ctx.db,
      'pilot_call',
      list.map((a) => a.callId),
      'title',
    );
    return list.map((a) =>
      Object.assign(a, {
        allianceName: allianceName(a),
        cityName: cities.get(a.tenantId) ?? '',
        callTitle: calls.get(a.callId) ?? '',
      }),
    );
  }
}

type ConfirmedRow = ConfirmedPilotModel & { authorityName: string; cityName: string };

/** 试点名单: the pilots confirmed by the viewer's tier and its parent (Art. 13). */
@Injectable()
@ListExport()
export class ConfirmedPilotsExport implements ListExportDefinition<null, ConfirmedRow> {
  readonly name = 'confirmed-pilots';
  readonly title = '试点名单';
  readonly roles = STAFF_ROLES;

  constructor(private readonly repository: PilotApplicationsRepository) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<ConfirmedRow>[] {
    return [
      { key: 'alliance', header: '联盟名称', width: 36, value: (p) => p.allianceName },
      { key: 'city', header: '所在市州', width: 12, value: (p) => p.cityName },
      { key: 'level', header: '试点级别', width: 10, value: (p) => label(PILOT_LEVEL_LABELS, p.level) },
      { key: 'authority', header: '确认部门', width: 20, value: (p) => p.authorityName },
      { key: 'confirmedOn', header: '确认日期', width: 12, value: (p) => p.confirmedOn ?? '' },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer): Promise<ConfirmedRow[]> {
    const rows = await this.repository.confirmedPilots(ctx.db, viewer.tenantId);
    const tenants = await namesOf(
      ctx.db,
      'tenant',
      rows.flatMap((r) => [r.tenant_id, r.alliance_tenant_id]),
    );
    return rows.map((r) => ({
      applicationId: r.application_id,
      authorityTenantId: r.tenant_id,
      allianceTenantId: r.alliance_tenant_id,
      industryCode: r.industry_code,
      callId: r.call_id,
      level: r.level,
      allianceId: r.alliance_id,
      allianceName: r.alliance_name,
      confirmedOn: r.confirmed_on,
      authorityName: tenants.get(r.tenant_id) ?? '',
      cityName: tenants.get(r.alliance_tenant_id) ?? '',
    }));
  }
}
