// The SVG renderer, loaded only when someone saves a chart as SVG: the chart is drawn once
// more, off screen, as an SVG string (ECharts' server-side mode works in the browser too).
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { init, use } from './echarts-setup';

use([SVGRenderer]);

export function renderSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
