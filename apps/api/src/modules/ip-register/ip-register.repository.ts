import { Injectable } from '@nestjs/common';
import type { IpAssetKind } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { isId } from '../../common/access/access';

export type IpAssetRow = {
  id: string;
  tenantId: string;
  allianceTenantId: string;
  projectId: string;
  allianceId: string;
  kind: IpAssetKind;
  title: string;
  number: string;
  grantedOn: string;
  recordedBy: string | null;
  recordedAt: Date;
};

export type IpOwnerRow = { assetId: string; organizationId: string; name: string; basisPoints: number };

export type IpLicenceRow = {
  id: string;
  assetId: string;
  licenseeName: string;
  licenseeCreditCode: string | null;
  inProvince: boolean;
  paid: boolean;
  /** Integer fen, as pg returns bigint: a string. */
  feeFen: string;
  licensedOn: string;
  recordedBy: string | null;
  recordedAt: Date;
};

export type IpAssetFilter = {
  kind?: IpAssetKind | null;
  projectId?: string | null;
  allianceId?: string | null;
  first: number;
  offset: number;
};

export type NewIpAsset = Omit<IpAssetRow, 'id' | 'recordedAt'> & {
  owners: { organizationId: string; basisPoints: number }[];
};

export type NewIpLicence = Omit<IpLicenceRow, 'id' | 'recordedAt'> & { tenantId: string };

const ASSET_COLUMNS = `a.id, a.tenant_id AS "tenantId", a.alliance_tenant_id AS "allianceTenantId",
  a.project_id AS "projectId", a.alliance_id AS "allianceId", a.kind, a.title, a.number,
  to_char(a.granted_on, 'YYYY-MM-DD') AS "grantedOn", a.recorded_by AS "recordedBy", a.recorded_at AS "recordedAt"`;

const LICENCE_COLUMNS = `l.id, l.asset_id AS "assetId", l.licensee_name AS "licenseeName",
  l.licensee_credit_code AS "licenseeCreditCode", l.in_province AS "inProvince", l.paid, l.fee_fen::text AS "feeFen",
  to_char(l.licensed_on, 'YYYY-MM-DD') AS "licensedOn", l.recorded_by AS "recordedBy", l.recorded_at AS "recordedAt"`;

/** Every statement of the IP register, in the caller's transaction (row-level security applies). */
@Injectable()
export class IpRegisterRepository {
  async asset(db: EntityManager, id: string): Promise<IpAssetRow | null> {
    if (!isId(id)) return null;
    const rows = await db.query<IpAssetRow[]>(`SELECT ${ASSET_COLUMNS} FROM ip_asset a WHERE a.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /** The assets the viewer reads, newest grant first, and how many match in all. */
  async list(db: EntityManager, filter: IpAssetFilter): Promise<[IpAssetRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.kind) where.push(`a.kind = $${params.push(filter.kind)}`);
    if (filter.projectId) where.push(`a.project_id = $${params.push(filter.projectId)}`);
    if (filter.allianceId) where.push(`a.alliance_id = $${params.push(filter.allianceId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await db.query<(IpAssetRow & { total: string })[]>(
      `SELECT ${ASSET_COLUMNS}, count(*) OVER () AS total FROM ip_asset a ${clause}
        ORDER BY a.granted_on DESC, a.recorded_at DESC, a.id
        LIMIT $${params.push(filter.first)} OFFSET $${params.push(filter.offset)}`,
      params,
    );
    if (rows.length === 0 && filter.offset > 0) {
      const counted = await db.query<{ n: string }[]>(`SELECT count(*) AS n FROM ip_asset a ${clause}`, [
        ...params.slice(0, -2),
      ]);
      return [[], Number(counted[0]?.n ?? 0)];
    }
    return [rows.map(({ total: _total, ...row }) => row), Number(rows[0]?.total ?? 0)];
  }

  /** Every asset of the project or the alliance the viewer reads (for the shares). */
  of(db: EntityManager, by: 'PROJECT' | 'ALLIANCE', id: string): Promise<IpAssetRow[]> {
    if (!isId(id)) return Promise.resolve([]);
    const column = by === 'PROJECT' ? 'project_id' : 'alliance_id';
    return db.query<IpAssetRow[]>(
      `SELECT ${ASSET_COLUMNS} FROM ip_asset a WHERE a.${column} = $1 ORDER BY a.granted_on, a.recorded_at, a.id`,
      [id],
    );
  }

  async ownersOf(db: EntityManager, assetIds: readonly string[]): Promise<IpOwnerRow[]> {
    if (!assetIds.length) return [];
    return db.query<IpOwnerRow[]>(
      `SELECT o.asset_id AS "assetId", o.organization_id AS "organizationId", g.name, o.basis_points AS "basisPoints"
         FROM ip_asset_owner o JOIN organization g ON g.id = o.organization_id
        WHERE o.asset_id = ANY ($1::uuid[]) ORDER BY o.basis_points DESC, g.name`,
      [assetIds],
    );
  }

  async licencesOf(db: EntityManager, assetIds: readonly string[]): Promise<IpLicenceRow[]> {
    if (!assetIds.length) return [];
    return db.query<IpLicenceRow[]>(
      `SELECT ${LICENCE_COLUMNS} FROM ip_licence l WHERE l.asset_id = ANY ($1::uuid[])
        ORDER BY l.licensed_on, l.recorded_at, l.id`,
      [assetIds],
    );
  }

  async licence(db: EntityManager, id: string): Promise<IpLicenceRow | null> {
    const rows = await db.query<IpLicenceRow[]>(
      `SELECT ${LICENCE_COLUMNS} FROM ip_licence l WHERE l.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The asset and its owners; the database checks at commit that the owners hold 100 %. */
  async insertAsset(db: EntityManager, a: NewIpAsset): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO ip_asset (tenant_id, alliance_tenant_id, project_id, alliance_id, kind, title, number, granted_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        a.tenantId,
        a.allianceTenantId,
        a.projectId,
        a.allianceId,
        a.kind,
        a.title,
        a.number,
        a.grantedOn,
        a.recordedBy,
      ],
    );
    const id = rows[0]!.id;
    await db.query(
      `INSERT INTO ip_asset_owner (tenant_id, asset_id, organization_id, basis_points)
       SELECT $1, $2, o.organization_id, o.basis_points
         FROM unnest($3::uuid[], $4::int[]) AS o (organization_id, basis_points)`,
      [a.tenantId, id, a.owners.map((o) => o.organizationId), a.owners.map((o) => o.basisPoints)],
    );
    return id;
  }

  async insertLicence(db: EntityManager, l: NewIpLicence): Promise<string> {
    const rows = await db.query<{ id: string }[]>(
      `INSERT INTO ip_licence (tenant_id, asset_id, licensee_name, licensee_credit_code, in_province, paid, fee_fen,
                               licensed_on, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        l.tenantId,
        l.assetId,
        l.licenseeName,
        l.licenseeCreditCode,
        l.inProvince,
        l.paid,
        l.feeFen,
        l.licensedOn,
        l.recordedBy,
      ],
    );
    return rows[0]!.id;
  }
}
