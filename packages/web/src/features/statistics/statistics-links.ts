// Where each figure of the statistics page leads: the list behind it, filtered by the address
// parameters that list reads (so the filtered list can be bookmarked and shared as well).

export const MapFigure = {
  ALLIANCES: 'ALLIANCES',
  PILOTS: 'PILOTS',
  FILINGS: 'FILINGS',
  FUNDING: 'FUNDING',
} as const;
export type MapFigure = (typeof MapFigure)[keyof typeof MapFigure];

export const MAP_FIGURE_LABELS: Record<MapFigure, string> = {
  ALLIANCES: '联盟数',
  PILOTS: '试点数',
  FILINGS: '备案数',
  FUNDING: '立项金额',
};

function href(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The register filtered by one of its own filters (tenantCode only where the register offers it: the province's). */
export function allianceListHref(
  filter: { tenantCode?: string; industryCode?: string; status?: string; pilotStatus?: string },
  province: boolean,
): string {
  return href('/alliances', { ...filter, tenantCode: province ? filter.tenantCode : undefined });
}

export function confirmedPilotsHref(filter: { year?: number; level?: string; city?: string }): string {
  return href('/pilots/confirmed', filter);
}

export function filingsHref(filter: { state?: string; city?: string }): string {
  return href('/filings', filter);
}

export function projectsHref(filter: {
  year?: string | number;
  programmeId?: string;
  cityCode?: string;
}): string {
  return href('/projects', filter);
}

/** The list behind one division's tile for the figure the map shows. */
export function divisionHref(figure: MapFigure, code: string, province: boolean): string {
  switch (figure) {
    case MapFigure.ALLIANCES:
      return allianceListHref({ tenantCode: code }, province);
    case MapFigure.PILOTS:
      return confirmedPilotsHref({ city: code });
    case MapFigure.FILINGS:
      return filingsHref({ city: code });
    case MapFigure.FUNDING:
      return projectsHref({ cityCode: code });
  }
}
