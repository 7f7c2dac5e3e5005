import { LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, LegendScrollComponent } from 'echarts/components';
import { echarts, EChartsElement, shortNumber } from './echarts-base.js';

echarts.use([LineChart, ScatterChart, DataZoomComponent, LegendScrollComponent]);

const INSIDE_ZOOM = 'x-inside';
const SLIDER_ZOOM = 'x-slider';
const FULL_RANGE = { start: 0, end: 100 };
const LEGEND_EVENTS = ['legendselectchanged', 'legendselected', 'legendunselected', 'legendselectall',
  'legendinverseselect'];

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
  toolbox: {
    top: 0,
    right: 8,
    padding: [6, 0],
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
  #xAxisName = 'step';
  /** A fixed [low, high] of a linear y axis, or null: fitted to the data. */
  #yRange = null;
  /** Names of the series drawn as points instead of lines. */
  #scatterNames = new Set();
  /** Style by series name ({color, dashed, width}); series without one keep the palette colour. */
  #styles = {};
  /** The ECharts instance, for the read-only test hook seriesColors(). */
  #chart = null;
  #zoom = FULL_RANGE;
  #zoomMoved = false;
  /** Legend state by series name: false when the user hid the series. */
  #legendSelected = {};
  /** The names of the series last drawn, one per line. */
  #drawnNames = '';

  /** @param json '[{"name","x":[…],"y":[…]}, …]', y null where nothing is drawn; the name is the series id */
  setData(json) {
    this.#series = JSON.parse(json);
    this.requestRender();
  }

  /**
   * Read-only test hook: the number of points over all series, as last given to setData. Browser tests
   * (BrowserTest) poll it to see live updates arrive; the application never calls it.
   */
  pointCount() {
    return this.#series.reduce((count, series) => count + series.x.length, 0);
  }

  /**
   * Read-only test hook: the colour each series is drawn in, by name, as ECharts resolved it (a style's colour,
   * else the palette's). Browser tests read it; the application never calls it.
   */
  seriesColors() {
    const colors = {};
    for (const series of this.#chart ? this.#series : []) {
      colors[series.name] = this.#chart.getVisual({ seriesId: series.name }, 'color');
    }
    return colors;
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

  setXAxisName(name) {
    this.#xAxisName = name;
    this.requestRender();
  }

  /** @param json '[low, high]' or 'null': a fixed linear y range (e.g. [0, 1] for similarities), null to fit the data */
  setYRange(json) {
    this.#yRange = JSON.parse(json);
    this.requestRender();
  }

  /** @param json '["name", …]': the series drawn as points (e.g. a scatter of pairs next to its fitted line) */
  setScatterSeries(json) {
    this.#scatterNames = new Set(JSON.parse(json));
    this.requestRender();
  }

  /** @param json '{"name": {"color": "#rrggbb", "dashed": bool, "width": px}, …}' */
  setSeriesStyles(json) {
    this.#styles = JSON.parse(json);
    this.requestRender();
  }

  chartCreated(chart) {
    this.#chart = chart;
    this.#drawnNames = '';
    // One call: the toolbox's restore goes back to the first option set.
    chart.setOption({
      ...FIXED_OPTION,
      tooltip: { trigger: 'axis', confine: true, formatter: params => this.#tooltip(chart, params[0].axisValue) },
    });
    chart.on('datazoom', () => {
      this.#zoomMoved = true;
    });
    for (const event of LEGEND_EVENTS) {
      chart.on(event, ({ selected }) => {
        this.#legendSelected = selected;
      });
    }
    chart.on('restore', () => {
      this.#zoom = FULL_RANGE;
      this.#zoomMoved = false;
      this.#legendSelected = {};
      this.requestRender();
    });
  }

  /**
   * Every shown series' point nearest to the hovered step. ECharts' own axis tooltip on a value axis lists
   * only the series that have a point exactly at the nearest step, and downsampled series rarely share steps.
   */
  #tooltip(chart, step) {
    const rows = this.#series
      .filter(series => series.x.length > 0 && this.#legendSelected[series.name] !== false)
      .map(series => {
        const marker = echarts.format.getTooltipMarker(chart.getVisual({ seriesId: series.name }, 'color'));
        const value = series.y[nearestIndex(series.x, step)];
        return `${marker}${echarts.format.encodeHTML(series.name)} <b>${shortNumber(value)}</b>`;
      });
    return [`${echarts.format.encodeHTML(this.#xAxisName)} ${step}`, ...rows].join('<br>');
  }

  render(chart) {
    if (this.#zoomMoved) {
      this.#zoom = currentZoom(chart);
      this.#zoomMoved = false;
    }
    const names = this.#series.map(series => series.name).join('\n');
    if (names !== this.#drawnNames) {
      // An open axis tooltip refreshes with the old series indices and throws once they are gone.
      chart.dispatchAction({ type: 'hideTip' });
      this.#drawnNames = names;
    }
    chart.setOption({
      title: { text: this.#title, left: 8, top: 4 },
      toolbox: { feature: { saveAsImage: { name: this.#title || 'chart' } } },
      // the axis is rebuilt when its type changes, so its label format is set here, not once
      yAxis: { type: this.#logScale ? 'log' : 'value', name: this.#yAxisName, scale: true,
        min: this.#logScale || !this.#yRange ? null : this.#yRange[0],
        max: this.#logScale || !this.#yRange ? null : this.#yRange[1],
        axisLabel: { formatter: shortNumber } },
      xAxis: { name: this.#xAxisName },
      dataZoom: [{ id: INSIDE_ZOOM, ...this.#zoom }, { id: SLIDER_ZOOM, ...this.#zoom }],
      series: this.#series.map(series => lineSeries(series, this.#scatterNames.has(series.name),
        this.#styles[series.name])),
    }, { replaceMerge: ['series'] });
  }
}

/** The x window the user left: fixed step values, except an edge at 0 % or 100 % that follows the data. */
function currentZoom(chart) {
  const range = chart.getOption().dataZoom.find(zoom => zoom.id === INSIDE_ZOOM);
  return {
    ...(range.start > 0 ? { startValue: range.startValue } : { start: 0 }),
    ...(range.end < 100 ? { endValue: range.endValue } : { end: 100 }),
  };
}

/** The index of the x nearest to value, x ascending and not empty. */
function nearestIndex(x, value) {
  let low = 0;
  let high = x.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (x[middle] <= value) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return Math.abs(x[high] - value) < Math.abs(x[low] - value) ? high : low;
}

/**
 * One ECharts series; a style (colour, dashed, width) overrides the palette colour and the solid 1.5 px line.
 * Without a style every field is still given (colour null: the palette's), since series merge by id and a
 * style removed from a drawn series would otherwise stay.
 */
function lineSeries({ name, x, y }, asPoints, style) {
  const color = style ? style.color : null;
  return {
    id: name,
    name,
    type: asPoints ? 'scatter' : 'line',
    symbolSize: 4,
    showSymbol: asPoints || x.length < 2, // a lone point (e.g. a value recorded only at the end) stays visible
    lineStyle: { width: style ? style.width : 1.5, type: style && style.dashed ? 'dashed' : 'solid', color },
    itemStyle: { color },
    data: x.map((step, i) => [step, y[i]]),
  };
}

customElements.define('factlab-line-chart', FactlabLineChart);
