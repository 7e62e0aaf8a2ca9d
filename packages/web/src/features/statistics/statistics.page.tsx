import { useQuery } from '@apollo/client/react';
import {
  ALLIANCE_STATUS_LABELS,
  FILING_STATE_LABELS,
  PILOT_LEVEL_LABELS,
  PILOT_STATUS_LABELS,
  TenantLevel,
} from '@xiangmeng/domain';
import { Alert, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { StatisticsQuery as StatisticsResult } from '../../gql/graphql';
import { toApiError } from '../../shared/api-error';
import { formatFen } from '../../shared/format';
import { LoadFailure } from '../../shared/page-states';
import { useSignedInViewer } from '../auth/viewer.provider';
import { DivisionTileMap, type TileFigure } from './division-tile-map';
import { type ChartPick, EChart } from './echart';
import type { ChartOption } from './echarts-setup';
import { barOption, fenToWanYuan, pieOption } from './statistics-charts';
import {
  allianceListHref,
  confirmedPilotsHref,
  divisionHref,
  filingsHref,
  MAP_FIGURE_LABELS,
  MapFigure,
  projectsHref,
} from './statistics-links';
import { StatisticsQuery } from './statistics.operations';

type Statistics = StatisticsResult['statistics'];
type City = Statistics['cities'][number];

const labelOf = (labels: Record<string, string>, key: string) => labels[key] ?? key;

function figureOf(city: City, figure: MapFigure): { value: number; display: string } {
  switch (figure) {
    case MapFigure.ALLIANCES:
      return { value: city.alliances, display: `${city.alliances} 个` };
    case MapFigure.PILOTS:
      return { value: city.pilots, display: `${city.pilots} 个` };
    case MapFigure.FILINGS:
      return { value: city.filings, display: `${city.filings} 件` };
    case MapFigure.FUNDING:
      return { value: fenToWanYuan(city.awardedFen), display: `${fenToWanYuan(city.awardedFen)} 万元` };
  }
}

/** A chart in a card, with an empty state, leading into the list behind the clicked bar or slice. */
function ChartCard({
  title,
  testId,
  empty,
  option,
  hrefAt,
  extra,
}: {
  title: string;
  testId: string;
  empty: boolean;
  option: ChartOption;
  hrefAt: (pick: ChartPick) => string | undefined;
  extra?: ReactNode;
}) {
  const navigate = useNavigate();
  return (
    <Card title={title} size="small" extra={extra} data-testid={`chart-card-${testId}`}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" style={{ height: 248 }} />
      ) : (
        <EChart
          label={title}
          testId={`chart-${testId}`}
          option={option}
          onPick={(pick) => {
            const href = hrefAt(pick);
            if (href) void navigate(href);
          }}
        />
      )}
    </Card>
  );
}

/**
 * 统计分析: the province's figures over its cities (aggregates, whatever its register lists), a
 * city's over its own; each bar, slice and map tile opens the list behind it.
 */
export function StatisticsPage() {
  const viewer = useSignedInViewer();
  const province = viewer.tenant.level === TenantLevel.PROVINCE;
  const [figure, setFigure] = useState<MapFigure>(MapFigure.ALLIANCES);
  const { data, loading, error, refetch } = useQuery(StatisticsQuery, { fetchPolicy: 'cache-and-network' });
  const stats = data?.statistics;

  const charts = useMemo(() => (stats ? chartsOf(stats, province) : []), [stats, province]);

  if (error && !stats)
    return (
      <Card title="统计分析">
        <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />
      </Card>
    );
  if (loading && !stats)
    return (
      <Card title="统计分析">
        <Skeleton active />
      </Card>
    );
  if (!stats) return null;

  const tiles: TileFigure[] = stats.cities.map((city) => ({
    code: city.code,
    name: city.name,
    ...figureOf(city, figure),
    href: divisionHref(figure, city.code, province),
  }));

  return (
    <Flex vertical gap={16}>
      <Card
        title={province ? '全省分布' : `${viewer.tenant.name}在全省的位置`}
        extra={
          <Segmented<MapFigure>
            value={figure}
            onChange={setFigure}
            options={Object.values(MapFigure).map((value) => ({ value, label: MAP_FIGURE_LABELS[value] }))}
            data-testid="map-figure"
          />
        }
      >
        <DivisionTileMap figures={tiles} ownCode={province ? undefined : viewer.tenant.code} />
        {province && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            message="联盟、试点与备案数为各市州汇总数；点击进入的名录只列省厅可查阅的记录（如备案在册的联盟），条数可能少于汇总数。"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {charts.map((chart) => (
          <Col key={chart.testId} xs={24} xl={12}>
            <ChartCard {...chart} />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">
        立项金额按立项年度计，拨付金额按资金拨付年度计（已扣除追回的另见项目台账），单位：万元。
      </Typography.Text>
    </Flex>
  );
}

type Chart = Parameters<typeof ChartCard>[0];

function chartsOf(stats: Statistics, province: boolean): Chart[] {
  const charts: Chart[] = [];
  if (province)
    charts.push({
      title: '联盟数（按市州）',
      testId: 'alliances-by-city',
      empty: stats.cities.every((c) => c.alliances === 0),
      option: barOption(
        stats.cities.map((c) => c.name),
        [{ name: '联盟数', values: stats.cities.map((c) => c.alliances) }],
      ),
      hrefAt: ({ dataIndex }) => {
        const city = stats.cities[dataIndex];
        return city && allianceListHref({ tenantCode: city.code }, province);
      },
    });
  const industries = stats.allianceIndustries.slice(0, 12);
  charts.push(
    {
      title: '联盟数（按产业）',
      testId: 'alliances-by-industry',
      empty: industries.length === 0,
      option: barOption(
        industries.map((i) => i.label ?? i.key),
        [{ name: '联盟数', values: industries.map((i) => i.count) }],
        { horizontal: true },
      ),
      hrefAt: ({ dataIndex }) => {
        const industry = industries[dataIndex];
        return industry && allianceListHref({ industryCode: industry.key }, province);
      },
    },
    {
      title: '联盟数（按状态）',
      testId: 'alliances-by-status',
      empty: stats.allianceStatuses.length === 0,
      option: pieOption(
        stats.allianceStatuses.map((s) => ({ name: labelOf(ALLIANCE_STATUS_LABELS, s.key), value: s.count })),
      ),
      hrefAt: ({ dataIndex }) => {
        const status = stats.allianceStatuses[dataIndex];
        return status && allianceListHref({ status: status.key }, province);
      },
    },
    {
      title: '联盟数（按试点级别）',
      testId: 'alliances-by-pilot-level',
      empty: stats.pilotLevels.length === 0,
      option: pieOption(
        stats.pilotLevels.map((s) => ({ name: labelOf(PILOT_STATUS_LABELS, s.key), value: s.count })),
      ),
      hrefAt: ({ dataIndex }) => {
        const level = stats.pilotLevels[dataIndex];
        return level && allianceListHref({ pilotStatus: level.key }, province);
      },
    },
  );

  const years = [...new Set(stats.pilotsByYear.map((p) => p.year))].sort();
  const levels = Object.keys(PILOT_LEVEL_LABELS);
  charts.push({
    title: '确认的试点（按年度）',
    testId: 'pilots-by-year',
    empty: years.length === 0,
    option: barOption(
      years.map(String),
      levels.map((level) => ({
        name: labelOf(PILOT_LEVEL_LABELS, level),
        values: years.map(
          (y) => stats.pilotsByYear.find((p) => p.year === y && p.level === level)?.count ?? 0,
        ),
      })),
      { stacked: true },
    ),
    hrefAt: ({ seriesIndex, dataIndex }) =>
      confirmedPilotsHref({ year: years[dataIndex], level: levels[seriesIndex] }),
  });

  charts.push({
    title: province ? '收到的备案（按状态）' : '备案（按状态）',
    testId: 'filings-by-state',
    empty: stats.filingStates.length === 0,
    option: barOption(
      stats.filingStates.map((s) => labelOf(FILING_STATE_LABELS, s.key)),
      [{ name: '备案数', values: stats.filingStates.map((s) => s.count) }],
    ),
    hrefAt: ({ dataIndex }) => {
      const state = stats.filingStates[dataIndex];
      return state && filingsHref({ state: state.key });
    },
  });

  const money = (rows: readonly { awardedFen: string; disbursedFen: string }[]) => [
    { name: '立项金额', values: rows.map((r) => fenToWanYuan(r.awardedFen)) },
    { name: '拨付金额', values: rows.map((r) => fenToWanYuan(r.disbursedFen)) },
  ];
  charts.push(
    {
      title: '资金（按年度）',
      testId: 'funding-by-year',
      empty: stats.fundingByYear.length === 0,
      option: barOption(
        stats.fundingByYear.map((f) => f.key),
        money(stats.fundingByYear),
        { unit: '万元' },
      ),
      hrefAt: ({ dataIndex }) => {
        const year = stats.fundingByYear[dataIndex];
        return year && projectsHref({ year: year.key });
      },
      extra: <FundingTotal rows={stats.fundingByYear} />,
    },
    {
      title: '资金（按支持计划）',
      testId: 'funding-by-programme',
      empty: stats.fundingByProgramme.length === 0,
      option: barOption(
        stats.fundingByProgramme.map((f) => f.label ?? '—'),
        money(stats.fundingByProgramme),
        { horizontal: true, unit: '万元' },
      ),
      hrefAt: ({ dataIndex }) => {
        const programme = stats.fundingByProgramme[dataIndex];
        return programme && projectsHref({ programmeId: programme.key });
      },
    },
  );
  if (province) {
    const funded = stats.cities.filter((c) => c.awardedFen !== '0' || c.disbursedFen !== '0');
    charts.push({
      title: '资金（按联盟所在市州）',
      testId: 'funding-by-city',
      empty: funded.length === 0,
      option: barOption(
        funded.map((c) => c.name),
        money(funded),
        { unit: '万元' },
      ),
      hrefAt: ({ dataIndex }) => {
        const city = funded[dataIndex];
        return city && projectsHref({ cityCode: city.code });
      },
    });
  }
  return charts;
}

function FundingTotal({ rows }: { rows: readonly { awardedFen: string; disbursedFen: string }[] }) {
  const total = (key: 'awardedFen' | 'disbursedFen') =>
    rows.reduce((s, r) => s + BigInt(r[key]), 0n).toString();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      立项 {formatFen(total('awardedFen'))} · 拨付 {formatFen(total('disbursedFen'))}
    </Typography.Text>
  );
}
