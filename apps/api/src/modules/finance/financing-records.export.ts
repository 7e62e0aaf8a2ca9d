import { Injectable } from '@nestjs/common';
import { FINANCING_FORM_LABELS, STAFF_ROLES } from '@xiangmeng/domain';
import {
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  money,
  oneOf,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { type FinancingRecordModel, toRecordModel } from './finance.model';
import { FinanceService } from './finance.service';

type RecordFilter = { form?: string; needId?: string };

/** 融资记录: loans, equity, IP-pledge loans and insurance obtained, by form or need. */
@Injectable()
@ListExport()
export class FinancingRecordsExport implements ListExportDefinition<RecordFilter, FinancingRecordModel> {
  readonly name = 'financing-records';
  readonly title = '融资记录';
  readonly roles = STAFF_ROLES;

  constructor(private readonly service: FinanceService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): RecordFilter {
    return { form: oneOf(query, 'form', FINANCING_FORM_LABELS), needId: text(query, 'needId') };
  }

  columns(): ExportColumn<FinancingRecordModel>[] {
    return [
      { key: 'organization', header: '企业', width: 30, value: (r) => r.organizationName },
      { key: 'alliance', header: '联盟', width: 30, value: (r) => r.allianceName },
      { key: 'institution', header: '金融机构', width: 30, value: (r) => r.institutionName },
      { key: 'form', header: '方式', width: 16, value: (r) => r.formLabel },
      { key: 'amount', header: '金额', width: 18, value: (r) => money(r.amountFen) },
      { key: 'grantedOn', header: '发放日期', width: 12, value: (r) => r.grantedOn },
      { key: 'term', header: '期限（月）', width: 10, value: (r) => r.termMonths ?? '' },
      {
        key: 'rate',
        header: '年利率',
        width: 10,
        value: (r) => (r.rateBasisPoints === null ? '' : `${(r.rateBasisPoints / 100).toFixed(2)}%`),
      },
      { key: 'registeredOn', header: '风险补偿备案日期', width: 16, value: (r) => r.registeredOn ?? '' },
    ];
  }

  async rows(ctx: RequestContext, _viewer: Viewer, filter: RecordFilter): Promise<FinancingRecordModel[]> {
    return (await this.service.records(ctx.db, filter)).map(toRecordModel);
  }
}
