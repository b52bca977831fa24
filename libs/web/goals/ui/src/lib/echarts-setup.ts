// ECharts with only what the goal charts use: line series, a cartesian grid, the tooltip
// and the legend. Loaded on demand by GoalChartComponent, so the library stays out of the
// initial bundle; everything ships with the app, nothing is fetched from elsewhere.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { init };
