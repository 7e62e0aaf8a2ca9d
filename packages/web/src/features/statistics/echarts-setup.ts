import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsType, init, use as registerCharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

export type { EChartsType };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/**
 * A chart in `element` with only the charts and components the statistics page draws (tree-shaken
 * `echarts/core`), drawn in SVG so the shapes are elements the browser tests can click. The
 * registration happens here, not at the module's top: the package declares no side effects, so a
 * top-level call would be dropped from the build.
 */
export function createChart(element: HTMLElement): EChartsType {
  registerCharts([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);
  return init(element, undefined, { renderer: 'svg' });
}
