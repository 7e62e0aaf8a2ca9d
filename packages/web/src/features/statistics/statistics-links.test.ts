import { describe, expect, it } from 'vitest';
import { allianceListHref, divisionHref, MapFigure, projectsHref } from './statistics-links';

describe('the lists behind the statistics', () => {
  it.each([
    [MapFigure.ALLIANCES, true, '/alliances?tenantCode=430200'],
    [MapFigure.ALLIANCES, false, '/alliances'],
    [MapFigure.PILOTS, true, '/pilots/confirmed?city=430200'],
    [MapFigure.FILINGS, true, '/filings?city=430200'],
    [MapFigure.FUNDING, false, '/projects?cityCode=430200'],
  ])('a division tile showing %s (province: %s) opens %s', (figure, province, expected) => {
    expect(divisionHref(figure, '430200', province)).toBe(expected);
  });

  it.each([
    [{ industryCode: 'C39' }, '/alliances?industryCode=C39'],
    [{ status: 'ESTABLISHED' }, '/alliances?status=ESTABLISHED'],
    [
      { pilotStatus: 'CITY_PILOT', tenantCode: '430100' },
      '/alliances?pilotStatus=CITY_PILOT&tenantCode=430100',
    ],
  ])('a register figure %j opens %s', (filter, expected) => {
    expect(allianceListHref(filter, true)).toBe(expected);
  });

  it('leaves out empty filters', () => {
    expect(projectsHref({ year: 2026, programmeId: undefined })).toBe('/projects?year=2026');
  });
});
