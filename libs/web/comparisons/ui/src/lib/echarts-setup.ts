// ECharts with only what the comparison charts use: lines, bars, the median's mark line,
// a cartesian grid, tooltip, legend and zooming, drawn on canvas. Loaded on demand (see
// ComparisonChartComponent), so the library stays out of the initial bundle.
import { BarChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { init, use };
