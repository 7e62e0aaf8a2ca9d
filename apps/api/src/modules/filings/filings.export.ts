import { Injectable } from '@nestjs/common';
import {
  FILING_ROUND_STATUS_LABELS,
  FILING_STATE_LABELS,
  SIGNIFICANCE_LEVEL_LABELS,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import { Clock } from '../../common/clock';
import {
  allianceNamesOf,
  at,
  type ExportColumn,
  type ExportQuery,
  label,
  ListExport,
  type ListExportDefinition,
  namesOf,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { FilingFilterInput } from './dto/filing.input';
import type { FilingRoundModel } from './filing.model';
import { toRoundModel } from './filings.resolver';
import { FilingRoundsService } from './filing-rounds.service';
import { FilingsService } from './filings.service';
import type { FilingEntity } from './filing.entity';

/** 备案批次: the rounds the list shows (the province's all, a city the published ones). */
@Injectable()
@ListExport()
export class FilingRoundsExport implements ListExportDefinition<null, FilingRoundModel> {
  readonly name = 'filing-rounds';
  readonly title = '备案批次';
  readonly roles = STAFF_ROLES;

  constructor(
    private readonly rounds: FilingRoundsService,
    private readonly clock: Clock,
  ) {}

  filter(): null {
    return null;
  }

  columns(): ExportColumn<FilingRoundModel>[] {
    return [
      { key: 'year', header: '年度', width: 8, value: (r) => r.year },
      { key: 'documentNumber', header: '文号', width: 28, value: (r) => r.documentNumber },
      { key: 'status', header: '状态', width: 10, value: (r) => label(FILING_ROUND_STATUS_LABELS, r.status) },
      { key: 'opensAt', header: '开始时间', width: 18, value: (r) => at(r.opensAt) },
      { key: 'closesAt', header: '截止时间', width: 18, value: (r) => at(r.closesAt) },
      { key: 'quotaPerUnit', header: '每单位名额', width: 10, value: (r) => r.quotaPerUnit ?? '不限' },
      {
        key: 'reviewRequired',
        header: '专家评审',
        width: 10,
        value: (r) => (r.reviewRequired ? '需要' : '不需要'),
      },
      { key: 'noticeDays', header: '公示天数', width: 10, value: (r) => r.noticeDays },
      { key: 'publishedAt', header: '发布时间', width: 18, value: (r) => at(r.publishedAt) },
    ];
  }

  async rows(ctx: RequestContext): Promise<FilingRoundModel[]> {
    const now = this.clock.now();
    return (await this.rounds.list(ctx.db)).map((r) => toRoundModel(r, now));
  }
}

type FilingRow = FilingEntity & { allianceName: string; cityName: string; roundNumber: string };

/** 备案 (本单位的 / 收到的): the filings list with its scope, state and round. */
@Injectable()
@ListExport()
export class FilingsExport implements ListExportDefinition<FilingFilterInput, FilingRow> {
  readonly name = 'filings';
  readonly title = '备案';
  readonly roles = STAFF_ROLES;

  constructor(private readonly filings: FilingsService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): FilingFilterInput {
    // Checked by the list's own service when the rows are read (filter.scope, filter.state).
    return {
      scope: text(query, 'scope') ?? 'ALL',
      state: text(query, 'state'),
      roundId: text(query, 'roundId'),
    };
  }

  columns(): ExportColumn<FilingRow>[] {
    return [
      { key: 'alliance', header: '联盟名称', width: 36, value: (r) => r.allianceName },
      { key: 'city', header: '市州', width: 12, value: (r) => r.cityName },
      { key: 'round', header: '备案批次', width: 24, value: (r) => r.roundNumber },
      {
        key: 'significance',
        header: '重要程度',
        width: 12,
        value: (r) => label(SIGNIFICANCE_LEVEL_LABELS, r.significance),
      },
      { key: 'state', header: '状态', width: 12, value: (r) => label(FILING_STATE_LABELS, r.state) },
      { key: 'submittedAt', header: '提交时间', width: 18, value: (r) => at(r.submittedAt) },
      { key: 'filingNumber', header: '备案号', width: 22, value: (r) => r.filingNumber ?? '' },
      { key: 'filedOn', header: '备案日期', width: 12, value: (r) => r.filedOn ?? '' },
      { key: 'validThrough', header: '有效期至', width: 12, value: (r) => r.validThrough ?? '' },
    ];
  }

  async rows(ctx: RequestContext, viewer: Viewer, filter: FilingFilterInput): Promise<FilingRow[]> {
    const filings = await this.filings.list(ctx.db, viewer, filter);
    const allianceName = await allianceNamesOf(ctx.db, filings, '—');
    const cities = await namesOf(
      ctx.db,
      'tenant',
      filings.map((f) => f.tenantId),
    );
    const rounds = await namesOf(
      ctx.db,
      'filing_round',
      filings.map((f) => f.roundId),
      'document_number',
    );
    return filings.map((f) =>
      Object.assign(f, {
        allianceName: allianceName(f),
        cityName: cities.get(f.tenantId) ?? '',
        roundNumber: rounds.get(f.roundId) ?? '',
      }),
    );
  }
}
