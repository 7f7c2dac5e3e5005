import { LineChart } from 'echarts/charts';
import { DataZoomComponent, LegendScrollComponent } from 'echarts/components';
import { echarts, EChartsElement, shortNumber } from './echarts-base.js';

echarts.use([LineChart, DataZoomComponent, LegendScrollComponent]);

const INSIDE_ZOOM = 'x-inside';
const SLIDER_ZOOM = 'x-slider';
const FULL_RANGE = { start: 0, end: 100 };

/** Twelve distinguishable colours, so that a dozen curves never share one. */
const PALETTE = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b',
  '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#ad494a',
];

const FIXED_OPTION = {
  animation: false,
  color: PALETTE,
  grid: { left: 56, right: 32, top: 76, bottom: 64 },
  legend: { type: 'scroll', top: 30, left: 8, right: 8, selector: true },
  tooltip: { trigger: 'axis', confine: true, valueFormatter: shortNumber },
  toolbox: {
    top: 4,
    right: 8,
    feature: { dataZoom: { yAxisIndex: false }, restore: {}, saveAsImage: { pixelRatio: 2 } },
  },
  xAxis: { type: 'value', name: 'step', min: 'dataMin', max: 'dataMax' },
  yAxis: { type: 'value', scale: true },
  dataZoom: [
    { id: INSIDE_ZOOM, type: 'inside', xAxisIndex: 0 },
    { id: SLIDER_ZOOM, type: 'slider', xAxisIndex: 0, bottom: 8, height: 20 },
  ],
};

/**
 * <factlab-line-chart>: curves over steps, driven by org.factlab.ui.charts.LineChart.
 * setData replaces all series (matched by id, so legend selections survive); a zoomed x window is kept in
 * step values across updates, and an edge left at the start or end of the data keeps following it.
 */
class FactlabLineChart extends EChartsElement {
  #series = [];
  #title = '';
  #logScale = false;
  #yAxisName = '';
  #zoom = FULL_RANGE;
  #zoomMoved = false;

  /** @param json '[{"name","x":[…],"y":[…]}, …]', y null where nothing is drawn; the name is the series id */
  setData(json) {
    this.#series = JSON.parse(json);
    this.requestRender();
  }

  setTitle(title) {
    this.#title = title;
    this.requestRender();
  }

  setLogScale(logScale) {
    this.#logScale = logScale;
    this.requestRender();
  }

  setYAxisName(name) {
    this.#yAxisName = name;
    this.requestRender();
  }

  chartCreated(chart) {
    chart.setOption(FIXED_OPTION);
    chart.on('datazoom', () => {
      this.#zoomMoved = true;
    });
    chart.on('restore', () => {
      this.#zoom = FULL_RANGE;
      this.#zoomMoved = false;
      this.requestRender();
    });
  }

  render(chart) {
    if (this.#zoomMoved) {
      this.#zoom = currentZoom(chart);
      this.#zoomMoved = false;
    }
    chart.setOption({
      title: { text: this.#title, left: 8, top: 4 },
      toolbox: { feature: { saveAsImage: { name: this.#title || 'chart' } } },
      yAxis: { type: this.#logScale ? 'log' : 'value', name: this.#yAxisName },
      dataZoom: [{ id: INSIDE_ZOOM, ...this.#zoom }, { id: SLIDER_ZOOM, ...this.#zoom }],
      series: this.#series.map(lineSeries),
    }, { replaceMerge: ['series'] });
  }
}

/** The x window the user left: fixed step values, except an edge at 0 % or 100 % that follows the data. */
function currentZoom(chart) {
  const window = chart.getOption().dataZoom.find(zoom => zoom.id === INSIDE_ZOOM);
  return {
    ...(window.start > 0 ? { startValue: window.startValue } : { start: 0 }),
    ...(window.end < 100 ? { endValue: window.endValue } : { end: 100 }),
  };
}

function lineSeries({ name, x, y }) {
  return {
    id: name,
    name,
    type: 'line',
    showSymbol: false,
    lineStyle: { width: 1.5 },
    data: x.map((step, i) => [step, y[i]]),
  };
}

customElements.define('factlab-line-chart', FactlabLineChart);
