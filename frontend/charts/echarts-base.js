import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { GridComponent, TitleComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';

echarts.use([CanvasRenderer, GridComponent, TitleComponent, ToolboxComponent, TooltipComponent]);

export { echarts };

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host { display: block; position: relative; width: 100%; height: 320px; }
    .chart { position: absolute; inset: 0; }
  </style>
  <div class="chart"></div>`;

/** A number shortened to a few significant digits for labels and tooltips; '-' for a missing value. */
export function shortNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? String(Number(value.toPrecision(4))) : '-';
}

/**
 * A custom element owning one ECharts instance that fills the element: created on connect, disposed on
 * disconnect, resized whenever the element's box changes (window or container). Subclasses keep their
 * latest state in fields, call requestRender() after changing it, and implement render(chart); state set
 * before the element is connected is rendered on connect. Several changes in one task render once.
 */
export class EChartsElement extends HTMLElement {
  #chart = null;
  #resizeObserver = null;
  #renderQueued = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).appendChild(template.content.cloneNode(true));
  }

  connectedCallback() {
    this.#chart = echarts.init(this.shadowRoot.querySelector('.chart'));
    this.#resizeObserver = new ResizeObserver(() => this.#chart.resize());
    this.#resizeObserver.observe(this);
    this.chartCreated(this.#chart);
    this.requestRender();
  }

  disconnectedCallback() {
    this.#resizeObserver.disconnect();
    this.#chart.dispose();
    this.#chart = null;
  }

  /** Called once per ECharts instance, before its first render: set the fixed options, add listeners. */
  chartCreated(chart) {}

  requestRender() {
    if (this.#renderQueued) {
      return;
    }
    this.#renderQueued = true;
    queueMicrotask(() => {
      this.#renderQueued = false;
      if (this.#chart) {
        this.render(this.#chart);
      }
    });
  }
}
