import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use as registerCharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the charts and components the statistics page draws (tree-shaken `echarts/core`); SVG, so
// the shapes are elements the browser tests can click.
registerCharts([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init, type EChartsType } from 'echarts/core';
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
