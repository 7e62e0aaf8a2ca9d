import { useEffect, useRef } from 'react';
import { type ChartOption, createChart, type EChartsType } from './echarts-setup';

export type ChartPick = { seriesIndex: number; dataIndex: number };

/** One ECharts chart, sized by its box; a click on a bar or slice reports which. */
export function EChart({
  option,
  onPick,
  height = 280,
  label,
  testId,
}: {
  option: ChartOption;
  onPick?: (pick: ChartPick) => void;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const instance = createChart(element);
    chart.current = instance;
    instance.on('click', (params) => {
      const { seriesIndex, dataIndex } = params as { seriesIndex?: number; dataIndex?: number };
      if (typeof dataIndex === 'number') pick.current?.({ seriesIndex: seriesIndex ?? 0, dataIndex });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }}
    />
  );
}
