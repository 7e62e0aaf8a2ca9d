import { describe, expect, it } from 'vitest';
import { barOption, fenToWanYuan } from './statistics-charts';

describe('the statistics charts', () => {
  it.each([
    ['0', 0],
    ['1000000', 1],
    ['123456789', 123.45],
    ['100000000000000', 100_000_000],
  ])('show %s fen as %f 万元', (fen, wan) => {
    expect(fenToWanYuan(fen)).toBe(wan);
  });

  it('stacks the series when asked and lays long names along the vertical axis', () => {
    const option = barOption(
      ['新一代信息技术'],
      [
        { name: '市级试点', values: [2] },
        { name: '省级试点', values: [1] },
      ],
      {
        horizontal: true,
        stacked: true,
      },
    ) as { yAxis: { type: string }; series: { stack?: string }[] };
    expect(option.yAxis.type).toBe('category');
    expect(option.series.map((s) => s.stack)).toEqual(['total', 'total']);
  });
});
