import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  type FieldViolation,
  type IpAsset,
  type IpAssetKind,
  type IpLicence,
  inProvinceLicenceShares,
  ipAssetViolations,
  ipLicenceViolations,
  isStaff,
  type LicenceShare,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, isId } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { ProjectsService } from '../projects/projects.service';
import { ipAssetNumberTaken, ipRefusalOf } from './ip-register.errors';
import {
  type IpAssetFilter,
  type IpAssetRow,
  type IpLicenceRow,
  type IpOwnerRow,
  IpRegisterRepository,
} from './ip-register.repository';

export type IpAssetInput = {
  projectId: string;
  kind: string;
  title: string;
  number: string;
  grantedOn: string;
  owners: { organizationId: string; basisPoints: number }[];
};

export type IpLicenceInput = {
  assetId: string;
  licensee: { name: string; creditCode?: string | null };
  inProvince: boolean;
  paid: boolean;
  feeFen: string;
  licensedOn: string;
};

/** An asset as the register shows it: its owners and licences. */
export type IpAssetRecord = IpAssetRow & { owners: IpOwnerRow[]; licences: IpLicenceRow[] };

const TITLE_MAX = 200;
const NUMBER_MAX = 100;
const LICENSEE_MAX = 200;

/**
 * The IP register (Art. 20): assets a project produced, owned by the units of its task contract,
 * and the licences granted on them, with the share licensed to in-province units (Art. 20(3)).
 * The rules are the domain's (ip-register.ts); the database holds them again.
 */
@Injectable()
export class IpRegisterService {
  constructor(
    private readonly register: IpRegisterRepository,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Records an asset of a project the viewer's side acts on: the authority's or the home bureau's staff. */
  async recordAsset(ctx: RequestContext, viewer: Viewer, input: IpAssetInput): Promise<IpAssetRecord> {
    // Every rule on the input alone, before the transaction opens.
    const asset: IpAsset = {
      id: '',
      projectId: input.projectId,
      allianceId: '',
      kind: input.kind as IpAssetKind,
      title: input.title.trim(),
      number: input.number.trim(),
      grantedOn: input.grantedOn.trim(),
      owners: input.owners.map((o) => ({
        organizationId: o.organizationId,
        name: '',
        basisPoints: o.basisPoints,
      })),
    };
    const today = chinaDate(this.clock.now());
    const v: FieldViolation[] = ipAssetViolations(asset);
    if ([...asset.title].length > TITLE_MAX)
      v.push(violation('title', 'TOO_LONG', `名称不超过 ${TITLE_MAX} 字`));
    if ([...asset.number].length > NUMBER_MAX)
      v.push(violation('number', 'TOO_LONG', `编号不超过 ${NUMBER_MAX} 字`));
    if (!v.some((x) => x.field === 'grantedOn') && asset.grantedOn > today)
      v.push(violation('grantedOn', 'NOT_FUTURE', `授权（登记、发布）日期不能晚于今天（${today}）`));
    const seen = new Set<string>();
    input.owners.forEach((o, i) => {
      if (!isId(o.organizationId))
        v.push(violation(`owners.${i}.organizationId`, 'NOT_FOUND', '请从单位名录中选择权利人'));
      else if (seen.has(o.organizationId))
        v.push(violation(`owners.${i}.organizationId`, 'DUPLICATE', '同一权利人只能列出一次'));
      seen.add(o.organizationId);
    });
    if (v.length) throw badInput(v);

    const project = await this.projects.get(ctx.db, input.projectId);
    if (!isStaff(viewer.roles) || ![project.tenantId, project.allianceTenantId].includes(viewer.tenantId))
      throw new AppError('NOT_FOUND');
    // Art. 20(1): the results are obtained by the units that undertook the project.
    const participants = new Map(
      (project.dossier?.participants ?? []).map((p) => [p.organizationId, p.name]),
    );
    const owners = input.owners.map((o) => ({ ...o, name: participants.get(o.organizationId) }));
    owners.forEach((o, i) => {
      if (o.name === undefined)
        v.push(
          violation(
            `owners.${i}.organizationId`,
            'NOT_A_PARTICIPANT',
            '权利人应为项目任务书所列的承担或参与单位（第二十条第（一）项）',
          ),
        );
    });
    if (asset.grantedOn < project.awardedOn)
      v.push(
        violation(
          'grantedOn',
          'AFTER_AWARD',
          `授权（登记、发布）日期不能早于立项日期（${project.awardedOn}）`,
        ),
      );
    if (v.length) throw badInput(v);

    let id: string;
    try {
      id = await this.register.insertAsset(ctx.db, {
        tenantId: project.tenantId,
        allianceTenantId: project.allianceTenantId,
        projectId: project.id,
        allianceId: project.allianceId,
        kind: asset.kind,
        title: asset.title,
        number: asset.number,
        grantedOn: asset.grantedOn,
        recordedBy: viewer.userId,
        owners: input.owners,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw ipAssetNumberTaken();
      throw ipRefusalOf(error) ?? error;
    }
    const [record] = await this.withParts(ctx.db, [actOn(await this.register.asset(ctx.db, id))]);
    await this.audit.record(ctx.db, {
      action: 'ip.asset.record',
      subjectType: 'ip_asset',
      subjectId: id,
      after: {
        projectId: project.id,
        allianceId: project.allianceId,
        kind: asset.kind,
        title: asset.title,
        number: asset.number,
        grantedOn: asset.grantedOn,
        owners: owners.map((o) => ({ organizationId: o.organizationId, basisPoints: o.basisPoints })),
      },
    });
    return record!;
  }

  /** Records a licence granted on an asset the viewer reads. */
  async recordLicence(ctx: RequestContext, viewer: Viewer, input: IpLicenceInput): Promise<IpLicenceRow> {
    const creditCode = (input.licensee.creditCode ?? '').trim().toUpperCase();
    const licence: IpLicence = {
      assetId: input.assetId,
      licensee: { name: input.licensee.name.trim(), creditCode: creditCode === '' ? null : creditCode },
      inProvince: input.inProvince,
      paid: input.paid,
      feeFen: input.feeFen.trim(),
      licensedOn: input.licensedOn.trim(),
    };
    const today = chinaDate(this.clock.now());
    const v: FieldViolation[] = ipLicenceViolations(licence);
    if ([...licence.licensee.name].length > LICENSEE_MAX)
      v.push(violation('licensee.name', 'TOO_LONG', `被许可单位名称不超过 ${LICENSEE_MAX} 字`));
    if (!v.some((x) => x.field === 'licensedOn') && licence.licensedOn > today)
      v.push(violation('licensedOn', 'NOT_FUTURE', `许可日期不能晚于今天（${today}）`));
    if (v.length) throw badInput(v);

    const asset = actOn(await this.register.asset(ctx.db, input.assetId));
    if (!isStaff(viewer.roles) || ![asset.tenantId, asset.allianceTenantId].includes(viewer.tenantId))
      throw new AppError('NOT_FOUND');
    let id: string;
    try {
      id = await this.register.insertLicence(ctx.db, {
        tenantId: asset.tenantId,
        assetId: asset.id,
        licenseeName: licence.licensee.name,
        licenseeCreditCode: licence.licensee.creditCode,
        inProvince: licence.inProvince,
        paid: licence.paid,
        feeFen: BigInt(licence.feeFen).toString(),
        licensedOn: licence.licensedOn,
        recordedBy: viewer.userId,
      });
    } catch (error) {
      throw ipRefusalOf(error) ?? error;
    }
    const recorded = actOn(await this.register.licence(ctx.db, id));
    await this.audit.record(ctx.db, {
      action: 'ip.licence.record',
      subjectType: 'ip_asset',
      subjectId: asset.id,
      after: {
        licenceId: id,
        licensee: licence.licensee,
        inProvince: recorded.inProvince,
        paid: recorded.paid,
        feeFen: recorded.feeFen,
        licensedOn: recorded.licensedOn,
      },
    });
    return recorded;
  }

  /** The project's assets with owners and licences, and its in-province licence share. */
  async ofProject(
    db: EntityManager,
    projectId: string,
  ): Promise<{ projectId: string; assets: IpAssetRecord[]; share: LicenceShare }> {
    const project = await this.projects.get(db, projectId);
    const assets = await this.withParts(db, await this.register.of(db, 'PROJECT', project.id));
    return { projectId: project.id, assets, share: shareOf(assets, 'PROJECT', project.id) };
  }

  /** The alliance's in-province licence share over the assets of its projects the viewer reads. */
  async shareOfAlliance(db: EntityManager, allianceId: string): Promise<LicenceShare> {
    const assets = await this.withParts(db, await this.register.of(db, 'ALLIANCE', allianceId));
    return shareOf(assets, 'ALLIANCE', allianceId);
  }

  async list(db: EntityManager, filter: IpAssetFilter): Promise<[IpAssetRecord[], number]> {
    const [rows, total] = await this.register.list(db, filter);
    return [await this.withParts(db, rows), total];
  }

  /** Owners and licences of the assets, two statements for any number of them. */
  private async withParts(db: EntityManager, assets: IpAssetRow[]): Promise<IpAssetRecord[]> {
    const ids = assets.map((a) => a.id);
    const [owners, licences] = [
      await this.register.ownersOf(db, ids),
      await this.register.licencesOf(db, ids),
    ];
    return assets.map((a) => ({
      ...a,
      owners: owners.filter((o) => o.assetId === a.id),
      licences: licences.filter((l) => l.assetId === a.id),
    }));
  }
}

/** The domain's share for one project or alliance; zero licences when it has no asset yet. */
function shareOf(assets: IpAssetRecord[], by: 'PROJECT' | 'ALLIANCE', key: string): LicenceShare {
  const domainAssets: IpAsset[] = assets.map((a) => ({
    id: a.id,
    projectId: a.projectId,
    allianceId: a.allianceId,
    kind: a.kind,
    title: a.title,
    number: a.number,
    grantedOn: a.grantedOn,
    owners: a.owners.map((o) => ({
      organizationId: o.organizationId,
      name: o.name,
      basisPoints: o.basisPoints,
    })),
  }));
  const licences: IpLicence[] = assets.flatMap((a) =>
    a.licences.map((l) => ({
      assetId: l.assetId,
      licensee: { name: l.licenseeName, creditCode: l.licenseeCreditCode },
      inProvince: l.inProvince,
      paid: l.paid,
      feeFen: l.feeFen,
      licensedOn: l.licensedOn,
    })),
  );
  return (
    inProvinceLicenceShares(domainAssets, licences, by).find((s) => s.key === key) ?? {
      key,
      licences: 0,
      inProvince: 0,
      inProvinceBasisPoints: null,
      feesFen: '0',
      inProvinceFeesFen: '0',
    }
  );
}
