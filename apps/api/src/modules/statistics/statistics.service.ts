import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CountRow, StatisticsRow } from './statistics.repository';
import { StatisticsRepository } from './statistics.repository';
import type { StatisticsCountModel, StatisticsModel } from './statistics.model';

const counted = (rows: readonly (CountRow & { label?: string | null })[]): StatisticsCountModel[] =>
  rows.map((r) => ({ key: r.key, label: r.label ?? null, count: Number(r.count) }));

@Injectable()
export class StatisticsService {
  constructor(private readonly statistics: StatisticsRepository) {}

  /** The figures of the viewer's tier: the database scopes them (the province: every city's aggregates). */
  async figures(db: EntityManager): Promise<StatisticsModel> {
    return toStatisticsModel(await this.statistics.figures(db));
  }
}

export function toStatisticsModel(row: StatisticsRow): StatisticsModel {
  return {
    cities: row.cities.map((c) => ({
      code: c.code,
      name: c.name,
      alliances: Number(c.alliances),
      pilots: Number(c.pilots),
      filings: Number(c.filings),
      awardedFen: c.awardedFen,
      disbursedFen: c.disbursedFen,
    })),
    // The largest industries first, then by code, so the chart reads from the top.
    allianceIndustries: counted(row.industries).sort(
      (a, b) => b.count - a.count || a.key.localeCompare(b.key),
    ),
    allianceStatuses: counted(row.statuses),
    pilotLevels: counted(row.pilotLevels),
    pilotsByYear: row.pilotsByYear.map((r) => ({
      year: Number(r.year),
      level: r.key,
      count: Number(r.count),
    })),
    filingStates: counted(row.filingStates),
    fundingByYear: row.fundingByYear,
    fundingByProgramme: row.fundingByProgramme,
  };
}
