import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from '@angular/core';
import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { saveFile } from '@kraftsamling/web/shared/ui';

/**
 * A comparison chart (time or ranking). An image to assistive technology (role="img") with a
 * summary as its name; the data is in the table that always accompanies it. It can be saved
 * as PNG (from the canvas) and SVG (drawn again with the SVG renderer, loaded on demand).
 */
@Component({
  selector: 'ks-comparison-chart',
  imports: [NgxEchartsDirective],
  // ECharts is loaded when the first chart is drawn, with only the parts the charts use.
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup') })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      echarts
      class="ks-chart"
      role="img"
      [style.height.px]="height()"
      [attr.aria-label]="label()"
      [options]="option()"
      (chartInit)="chart = $event"
      (chartFinished)="rendered.emit()"
    ></div>
  `,
  styles: `
    :host {
      display: block;
    }
    .ks-chart {
      width: 100%;
    }
  `,
})
export class ComparisonChartComponent {
  readonly option = input.required<EChartsCoreOption>();
  /** The chart's text alternative. */
  readonly label = input.required<string>();
  readonly height = input(400);
  /** Each time the chart has finished drawing. */
  readonly rendered = output<void>();

  protected chart: ECharts | null = null;
  private readonly host = inject(ElementRef<HTMLElement>);

  /** Saves the chart as drawn, at twice the screen's resolution, on white. */
  savePng(fileName: string): void {
    if (!this.chart) return;
    saveFile(this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), fileName);
  }

  /** Saves the chart as SVG, drawn again at the size shown. */
  async saveSvg(fileName: string): Promise<void> {
    const { renderSvg } = await import('./echarts-svg');
    const element = this.host.nativeElement as HTMLElement;
    const svg = renderSvg(this.option(), element.clientWidth || 960, this.height());
    saveFile(new Blob([svg], { type: 'image/svg+xml' }), fileName);
  }
}
