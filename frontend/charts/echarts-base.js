import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { GridComponent, TitleComponent, ToolboxComponent, TooltipComponent } from 'echarts/components';

echarts.use([CanvasRenderer, GridComponent, TitleComponent, ToolboxComponent, TooltipComponent]);

export { echarts };

const template = document.createElement('template');
template.innerHTML = `
  <style>
    :host { display: block; position: relative; width: 100%; height: calc(320px + var(--legend-extra, 0px)); }
    .chart { position: absolute; inset: 0; }
  </style>
  <div class="chart"></div>`;

/**
 * A number shortened to a few significant digits for labels and tooltips ("0.03703", "1.2e-7", "1200");
 * '-' for a missing value.
 */
export function shortNumber(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return '-';
  }
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
    return value.toExponential(2).replace(/\.?0+e/, 'e');
  }
  return String(Number(value.toPrecision(4)));
}

/**
 * A custom element owning one ECharts instance that fills the element: created in the first render task after
 * connect, disposed on disconnect, resized whenever the element's box changes (window or container). Subclasses keep their
 * latest state in fields, call requestRender() after changing it, and implement render(chart); state set
 * before the element is connected is rendered on connect. Several changes in one task render once.
 */
export class EChartsElement extends HTMLElement {
  #chart = null;
  #resizeObserver = null;
  #renderQueued = false;
  #resizeQueued = false;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).appendChild(template.content.cloneNode(true));
  }

  connectedCallback() {
    // The chart itself is created in the first render task, not here: a page that attaches many charts at
    // once then builds them one task each instead of all in the task that applies the server's response.
    this.requestRender();
  }

  disconnectedCallback() {
    if (this.#chart) {
      this.#resizeObserver.disconnect();
      this.#chart.dispose();
      this.#chart = null;
    }
  }

  #createChart() {
    this.#chart = echarts.init(this.shadowRoot.querySelector('.chart'));
    // A layout change resizes every chart of the page: each follows in a task of its own, not all in one.
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#resizeQueued) {
        return;
      }
      this.#resizeQueued = true;
      setTimeout(() => {
        this.#resizeQueued = false;
        if (this.#chart) {
          this.#chart.resize();
          this.resized(this.#chart);
        }
      }, 0);
    });
    this.#resizeObserver.observe(this);
    this.chartCreated(this.#chart);
  }

  /** Called once per ECharts instance, before its first render: set the fixed options, add listeners. */
  chartCreated(chart) {}

  /** Called after the chart followed a change of the element's size. */
  resized(chart) {}

  /**
   * Renders in a task of its own (a zero timeout, not a microtask): a page that receives many charts in one
   * server response draws them one task each, so that no single main-thread task draws them all.
   */
  requestRender() {
    if (this.#renderQueued) {
      return;
    }
    this.#renderQueued = true;
    setTimeout(() => {
      this.#renderQueued = false;
      if (!this.isConnected) {
        return;
      }
      if (!this.#chart) {
        // creating the chart and drawing it for the first time are tasks of their own
        this.#createChart();
        this.requestRender();
        return;
      }
      this.render(this.#chart);
    }, 0);
  }
}
