import type { ChartOption } from './echarts-setup';

// Chart options of the statistics page: plain bars and pies, Chinese labels, values as given.

// Ant Design's own colours, so the charts match the rest of the app.
export const PALETTE = [
  '#1677ff',
  '#52c41a',
  '#faad14',
  '#eb2f96',
  '#13c2c2',
  '#722ed1',
  '#fa541c',
  '#2f54eb',
];

export type BarSeries = { name: string; values: readonly number[] };

/** Bars of one or more series over the categories; horizontal for long category names. */
export function barOption(
  categories: readonly string[],
  series: readonly BarSeries[],
  {
    horizontal = false,
    stacked = false,
    unit = '',
  }: { horizontal?: boolean; stacked?: boolean; unit?: string } = {},
): ChartOption {
  const categoryAxis = {
    type: 'category',
    data: categories,
    inverse: horizontal,
    axisLabel: horizontal
      ? { width: 120, overflow: 'truncate' }
      : { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
  };
  const valueAxis = { type: 'value', minInterval: unit ? undefined : 1, name: unit };
  return {
    color: PALETTE,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 24, top: series.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.values],
      stack: stacked ? 'total' : undefined,
      barMaxWidth: 36,
      emphasis: { focus: 'series' },
    })),
  };
}

export function pieOption(slices: readonly { name: string; value: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: slices.map((s) => ({ ...s })),
        label: { formatter: '{b}\n{c}' },
      },
    ],
  };
}

/** Fen as 万元 for a chart's scale (display only: the page's tooltips and tables keep the fen). */
export function fenToWanYuan(fen: string): number {
  if (!/^-?\d+$/.test(fen)) return 0;
  const hundredths = BigInt(fen) / 10_000n; // 万元 with two decimals
  return Number(hundredths) / 100;
}
