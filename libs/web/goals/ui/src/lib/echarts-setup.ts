// ECharts with only what the goal charts use: line series, a cartesian grid and the tooltip
// (the key to the lines is HTML above the charts). Loaded on demand by GoalChartComponent, so the library stays out of the
// initial bundle; everything ships with the app, nothing is fetched from elsewhere.
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { init };
