import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type CountRow = { key: string; count: number };
export type CityFiguresRow = {
  tenantId: string;
  code: string;
  name: string;
  alliances: number;
  pilots: number;
  filings: number;
  awardedFen: string;
  disbursedFen: string;
};
export type FundingRow = {
  key: string;
  label: string | null;
  awardedFen: string;
  disbursedFen: string;
  recoveredFen: string;
};
export type StatisticsRow = {
  cities: CityFiguresRow[];
  industries: (CountRow & { label: string | null })[];
  statuses: CountRow[];
  pilotLevels: CountRow[];
  pilotsByYear: (CountRow & { year: number })[];
  filingStates: CountRow[];
  fundingByYear: FundingRow[];
  fundingByProgramme: FundingRow[];
};

// Money leaves the database as text: a bigint sum must never pass through a float.
const FUNDING = (key: string, label: string) => `
  coalesce(jsonb_agg(jsonb_build_object('key', k, 'label', ${label}, 'awardedFen', awarded::text,
    'disbursedFen', disbursed::text, 'recoveredFen', recovered::text) ORDER BY k), '[]'::jsonb)
  FROM (SELECT ${key} AS k, sum(awarded) AS awarded, sum(disbursed) AS disbursed, sum(recovered) AS recovered
          FROM moves GROUP BY 1) g`;

@Injectable()
export class StatisticsRepository {
  /**
   * The statistics page's figures in one statement: the register's through register_statistics()
   * (aggregates only, scoped by the caller's tier), the funding from the projects and ledger
   * entries the caller reads under their own row security. An award counts in the year it was
   * made, a ledger entry in the year the money moved.
   */
  async figures(db: EntityManager): Promise<StatisticsRow> {
    const rows = await db.query<StatisticsRow[]>(
      `WITH reg AS MATERIALIZED (SELECT register_statistics() AS s),
            p AS (SELECT id, programme_id, alliance_tenant_id, award_fen, awarded_on FROM project),
            moves AS (
              SELECT p.programme_id, p.alliance_tenant_id, extract(year FROM p.awarded_on)::int AS year,
                     p.award_fen AS awarded, 0::bigint AS disbursed, 0::bigint AS recovered
                FROM p
              UNION ALL
              SELECT p.programme_id, p.alliance_tenant_id, extract(year FROM e.entry_on)::int, 0,
                     CASE WHEN e.kind = 'DISBURSEMENT' THEN e.amount_fen ELSE 0 END,
                     CASE WHEN e.kind = 'RECOVERY' THEN e.amount_fen ELSE 0 END
                FROM project_ledger_entry e JOIN p ON p.id = e.project_id),
            by_city AS (SELECT alliance_tenant_id AS id, sum(awarded) AS awarded, sum(disbursed) AS disbursed
                          FROM moves GROUP BY 1)
       SELECT
         (SELECT coalesce(jsonb_agg(c || jsonb_build_object('code', t.code, 'name', t.name,
                   'awardedFen', coalesce(b.awarded, 0)::text, 'disbursedFen', coalesce(b.disbursed, 0)::text)
                   ORDER BY t.code), '[]'::jsonb)
            FROM reg, jsonb_array_elements(reg.s -> 'cities') c
            JOIN tenant t ON t.id = (c ->> 'tenantId')::uuid
            LEFT JOIN by_city b ON b.id = t.id) AS cities,
         (SELECT coalesce(jsonb_agg(i || jsonb_build_object('label', ind.name)), '[]'::jsonb)
            FROM reg, jsonb_array_elements(reg.s -> 'industries') i
            LEFT JOIN industry ind ON ind.code = i ->> 'key') AS industries,
         (SELECT s -> 'statuses' FROM reg) AS statuses,
         (SELECT s -> 'pilotLevels' FROM reg) AS "pilotLevels",
         (SELECT s -> 'pilotsByYear' FROM reg) AS "pilotsByYear",
         (SELECT s -> 'filingStates' FROM reg) AS "filingStates",
         (SELECT ${FUNDING('year::text', 'k')}) AS "fundingByYear",
         (SELECT ${FUNDING('programme_id::text', '(SELECT name FROM programme WHERE id = k::uuid)')}) AS "fundingByProgramme"`,
    );
    const row = rows[0];
    if (!row) throw new Error('statistics: no row');
    return row;
  }
}
