// ECharts with only what the indicator charts use: line series, a cartesian grid, the
// tooltip, the legend and zooming. Loaded on demand (see IndicatorChartComponent), so the
// library stays out of the initial bundle; everything ships with the app, nothing is
// fetched from elsewhere at run time.
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export { init };
