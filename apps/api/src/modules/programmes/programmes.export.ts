import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  MEASURES_STATUS_LABELS,
  PROGRAMME_APPLICATION_STATE_LABELS,
  type ProgrammeApplicationState,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import {
  at,
  EXPORT_LIMIT,
  type ExportColumn,
  type ExportQuery,
  flag,
  label,
  ListExport,
  type ListExportDefinition,
  money,
  namesOf,
  oneOf,
  someOf,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { toDebarmentModel } from './debarments.resolver';
import { DebarmentsService } from './debarments.service';
import type { DebarmentFilterInput } from './dto/debarment.input';
import type {
  PriorInvestmentFilterInput,
  ProgrammeApplicationFilterInput,
} from './dto/programme-application.input';
import {
  type PriorInvestmentModel,
  type ProgrammeApplicationModel,
  ProgrammeApplicationScope,
  type ProgrammeCallModel,
  toPriorInvestmentModel,
  toProgrammeApplicationModel,
  toProgrammeCallModel,
} from './programme-application.model';
import { ProgrammeApplicationsService } from './programme-applications.service';
import { type DebarmentModel, type ProgrammeModel, toProgrammeModel } from './programme.model';
import { ProgrammesService } from './programmes.service';

/** 支持计划: the viewer's programmes (drafts included) and its parent's published ones. */
@Injectable()
@ListExport()
export class ProgrammesExport implements ListExportDefinition<null, ProgrammeModel> {
  readonly name = 'programmes';
  readonly title = '支持计划';
  readonly roles = STAFF_ROLES;

  constructor(private readonly programmes: ProgrammesService) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<ProgrammeModel>[] {
    return [
      { key: 'name', header: '计划名称', width: 36, value: (p) => p.name },
      { key: 'kind', header: '类别', width: 20, value: (p) => p.kindLabel },
      { key: 'year', header: '年度', width: 8, value: (p) => p.year },
      { key: 'totalBudget', header: '总预算', width: 18, value: (p) => money(p.totalBudgetFen) },
      { key: 'perProjectCap', header: '单项上限', width: 18, value: (p) => money(p.perProjectCapFen) },
      { key: 'status', header: '状态', width: 10, value: (p) => label(MEASURES_STATUS_LABELS, p.status) },
      { key: 'publishedAt', header: '发布时间', width: 18, value: (p) => at(p.publishedAt) },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer): Promise<ProgrammeModel[]> {
    return (await this.programmes.list(ctx.db)).map((p) => toProgrammeModel(p, viewer));
  }
}

/** 项目申报通知: the programmes' calls, of one programme if asked. */
@Injectable()
@ListExport()
export class ProgrammeCallsExport implements ListExportDefinition<string | null, ProgrammeCallModel> {
  readonly name = 'programme-calls';
  readonly title = '项目申报通知';
  readonly roles = STAFF_ROLES;

  constructor(private readonly applications: ProgrammeApplicationsService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): string | null {
    return text(query, 'programmeId') ?? null;
  }

  columns(): ExportColumn<ProgrammeCallModel>[] {
    return [
      { key: 'title', header: '通知名称', width: 40, value: (c) => c.title },
      { key: 'status', header: '状态', width: 10, value: (c) => label(MEASURES_STATUS_LABELS, c.status) },
      { key: 'opensAt', header: '开始时间', width: 18, value: (c) => at(c.opensAt) },
      { key: 'closesAt', header: '截止时间', width: 18, value: (c) => at(c.closesAt) },
      { key: 'decideBy', header: '决定截止', width: 18, value: (c) => at(c.decideBy) },
      { key: 'publishedAt', header: '发布时间', width: 18, value: (c) => at(c.publishedAt) },
    ];
  }

  async rows(
    ctx: RequestContext,
    _viewer: Viewer,
    programmeId: string | null,
  ): Promise<ProgrammeCallModel[]> {
    return (await this.applications.listCalls(ctx.db, programmeId)).map(toProgrammeCallModel);
  }
}

type ApplicationRow = ProgrammeApplicationModel & { programmeName: string };

/** 项目申报 (本级的 / 收到的): read page by page through the list's own paged query. */
@Injectable()
@ListExport()
export class ProgrammeApplicationsExport implements ListExportDefinition<
  ProgrammeApplicationFilterInput,
  ApplicationRow
> {
  readonly name = 'programme-applications';
  readonly title = '项目申报';
  readonly roles = STAFF_ROLES;

  constructor(private readonly applications: ProgrammeApplicationsService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): ProgrammeApplicationFilterInput {
    return {
      scope:
        (oneOf(query, 'filter.scope', ProgrammeApplicationScope) as ProgrammeApplicationScope | undefined) ??
        ProgrammeApplicationScope.ALL,
      programmeId: text(query, 'programmeId') ?? null,
      callId: text(query, 'callId') ?? null,
      states:
        someOf<ProgrammeApplicationState>(query, 'filter.states', PROGRAMME_APPLICATION_STATE_LABELS) ?? null,
      first: 100,
      offset: 0,
    };
  }

  columns(): ExportColumn<ApplicationRow>[] {
    return [
      { key: 'alliance', header: '联盟名称', width: 36, value: (a) => a.allianceName ?? '' },
      { key: 'programme', header: '支持计划', width: 30, value: (a) => a.programmeName },
      { key: 'state', header: '状态', width: 12, value: (a) => a.stateLabel },
      { key: 'requested', header: '申请支持', width: 18, value: (a) => money(a.requestedSupportFen) },
      { key: 'award', header: '核定支持', width: 18, value: (a) => money(a.awardFen) },
      { key: 'submittedAt', header: '提交时间', width: 18, value: (a) => at(a.submittedAt) },
      { key: 'decidedAt', header: '决定时间', width: 18, value: (a) => at(a.decidedAt) },
    ];
  }

  async *rows(
    ctx: RequestContext,
    viewer: Viewer,
    filter: ProgrammeApplicationFilterInput,
  ): AsyncIterable<ApplicationRow[]> {
    for (let offset = 0; offset < EXPORT_LIMIT; offset += filter.first) {
      const { rows } = await this.applications.list(ctx.db, viewer, { ...filter, offset });
      if (rows.length === 0) return;
      const models = rows.map(toProgrammeApplicationModel);
      const programmes = await namesOf(
        ctx.db,
        'programme',
        models.map((a) => a.programmeId),
      );
      yield models.map((a) => ({ ...a, programmeName: programmes.get(a.programmeId) ?? '' }));
      if (rows.length < filter.first) return;
    }
  }
}

type InvestmentRow = PriorInvestmentModel & { allianceName: string };

/** 先行投入: declared by the viewer's alliances and sent to it for verification. */
@Injectable()
@ListExport()
export class PriorInvestmentsExport implements ListExportDefinition<
  PriorInvestmentFilterInput,
  InvestmentRow
> {
  readonly name = 'prior-investments';
  readonly title = '先行投入';
  readonly roles = STAFF_ROLES;

  constructor(private readonly applications: ProgrammeApplicationsService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): PriorInvestmentFilterInput {
    return {
      allianceId: text(query, 'allianceId') ?? null,
      unverifiedOnly: flag(query, 'unverifiedOnly') ?? false,
    };
  }

  columns(): ExportColumn<InvestmentRow>[] {
    return [
      { key: 'alliance', header: '联盟名称', width: 36, value: (i) => i.allianceName },
      { key: 'description', header: '投入内容', width: 40, value: (i) => i.description },
      { key: 'declared', header: '申报金额', width: 18, value: (i) => money(i.declaredFen) },
      { key: 'declaredAt', header: '申报时间', width: 18, value: (i) => at(i.declaredAt) },
      { key: 'verified', header: '核定金额', width: 18, value: (i) => money(i.verifiedFen) },
      { key: 'verifiedOn', header: '核定日期', width: 12, value: (i) => i.verifiedOn ?? '待核定' },
      { key: 'reason', header: '核减理由', width: 30, value: (i) => i.verificationReason ?? '' },
    ];
  }

  async rows(
    ctx: RequestContext,
    _viewer: Viewer,
    filter: PriorInvestmentFilterInput,
  ): Promise<InvestmentRow[]> {
    const list = (await this.applications.investments(ctx.db, filter)).map(toPriorInvestmentModel);
    const alliances = await namesOf(
      ctx.db,
      'alliance',
      list.map((i) => i.allianceId),
    );
    return list.map((i) => ({ ...i, allianceName: alliances.get(i.allianceId) ?? '' }));
  }
}

/** 禁入名单: every authority's debarments (public province-wide), of one unit or in force on a day. */
@Injectable()
@ListExport()
export class DebarmentsExport implements ListExportDefinition<DebarmentFilterInput, DebarmentModel> {
  readonly name = 'debarments';
  readonly title = '禁入名单';
  readonly roles = [...STAFF_ROLES, 'EXPERT' as const];

  constructor(
    private readonly debarments: DebarmentsService,
    private readonly clock: Clock,
  ) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): DebarmentFilterInput {
    // Checked by the list's own service (activeOn) when the rows are read.
    return {
      organizationId: text(query, 'organizationId') ?? null,
      activeOn: text(query, 'activeOn') ?? null,
    };
  }

  columns(): ExportColumn<DebarmentModel>[] {
    return [
      { key: 'organization', header: '单位名称', width: 30, value: (d) => d.organizationName },
      { key: 'creditCode', header: '统一社会信用代码', width: 22, value: (d) => d.organizationCreditCode },
      { key: 'authority', header: '决定部门', width: 20, value: (d) => d.authority.name },
      { key: 'reason', header: '禁入事由', width: 36, value: (d) => d.reason },
      { key: 'article', header: '依据', width: 16, value: (d) => d.article },
      { key: 'decisionDocument', header: '决定文书', width: 24, value: (d) => d.decisionDocument },
      { key: 'fromDate', header: '起始日期', width: 12, value: (d) => d.fromDate },
      { key: 'untilDate', header: '截止日期', width: 12, value: (d) => d.untilDate },
      { key: 'active', header: '今日是否在禁入期', width: 10, value: (d) => (d.activeToday ? '是' : '否') },
      { key: 'lifted', header: '解除', width: 10, value: (d) => (d.lifting ? '已解除' : '') },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer, filter: DebarmentFilterInput): Promise<DebarmentModel[]> {
    const today = chinaDate(this.clock.now());
    return (await this.debarments.list(ctx.db, filter)).map((d) => toDebarmentModel(d, viewer, today));
  }
}
