import { Injectable } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import {
  type ExportColumn,
  type ExportQuery,
  ListExport,
  type ListExportDefinition,
  money,
  text,
} from '../../common/exports/list-export';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { type CompensationClaimModel, toClaimModel } from './finance.model';
import { FinanceService } from './finance.service';

type ClaimFilter = { state?: string };

/** 风险补偿: the claims the list shows, by state, with the amount decided or estimated. */
@Injectable()
@ListExport()
export class CompensationClaimsExport implements ListExportDefinition<ClaimFilter, CompensationClaimModel> {
  readonly name = 'compensation-claims';
  readonly title = '风险补偿申请';
  readonly roles = STAFF_ROLES;

  constructor(private readonly service: FinanceService) {}

  filter(_ctx: RequestContext, _viewer: Viewer, query: ExportQuery): ClaimFilter {
    return { state: text(query, 'state') };
  }

  columns(): ExportColumn<CompensationClaimModel>[] {
    return [
      { key: 'institution', header: '金融机构', width: 30, value: (c) => c.institutionName },
      { key: 'organization', header: '企业', width: 30, value: (c) => c.organizationName },
      { key: 'loan', header: '贷款本金', width: 18, value: (c) => money(c.loanAmountFen) },
      { key: 'grantedOn', header: '发放日期', width: 12, value: (c) => c.grantedOn },
      { key: 'registeredOn', header: '备案日期', width: 12, value: (c) => c.registeredOn },
      { key: 'defaultedOn', header: '违约日期', width: 12, value: (c) => c.defaultedOn },
      { key: 'principalLost', header: '本金损失', width: 18, value: (c) => money(c.principalLostFen) },
      { key: 'filedOn', header: '申请日期', width: 12, value: (c) => c.filedOn },
      { key: 'state', header: '状态', width: 10, value: (c) => c.stateLabel },
      {
        key: 'amount',
        header: '补偿金额',
        width: 18,
        value: (c) => money(c.amountFen ?? c.basis?.amountFen ?? null),
      },
    ];
  }

  /** The service checks the state: a wrong value answers 400 before the first byte. */
  async rows(ctx: RequestContext, viewer: Viewer, filter: ClaimFilter): Promise<CompensationClaimModel[]> {
    return (await this.service.claims(ctx.db, viewer, filter.state)).map(toClaimModel);
  }
}
