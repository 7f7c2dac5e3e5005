import { LineChart, ScatterChart } from 'echarts/charts';
import { DataZoomComponent, LegendComponent } from 'echarts/components';
import { echarts, EChartsElement, shortNumber } from './echarts-base.js';

echarts.use([LineChart, ScatterChart, DataZoomComponent, LegendComponent]);

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

/** The legend: plain (never paged), wrapping onto as many lines as its names need. */
const LEGEND_TOP = 30;
const LEGEND_LINE = 20;
const LEGEND_FONT = '12px sans-serif';
const LEGEND_ICON = 25 + 5;
const LEGEND_GAP = 10;
/** The legend's left and right offsets (8 + 8) and its own padding (5 + 5). */
const LEGEND_SIDES = 26;
/** A title that does not fit beside the toolbox wraps onto more lines (by word); the legend moves down for each. */
const TITLE_FONT = 'bold 16px sans-serif';
const TITLE_LINE = 22;
/** Room the toolbox (four icons, 105 px) and the title's padding take: a title stops short of it. */
const TOOLBOX_ROOM = 132;

const FIXED_OPTION = {
  animation: false,
  color: PALETTE,
  grid: { left: 72, right: 32, top: 76, bottom: 64 },
  legend: { type: 'plain', top: LEGEND_TOP, left: 8, right: 8, itemGap: LEGEND_GAP,
    textStyle: { fontSize: 12 } },
  toolbox: {
    top: 0,
    right: 8,
    padding: [6, 0],
    // the exported image leaves out the zoom slider and the toolbox itself
    feature: { dataZoom: { yAxisIndex: false }, restore: {},
      saveAsImage: { pixelRatio: 2, excludeComponents: ['toolbox', 'dataZoom'] } },
  },
  xAxis: { type: 'value', name: 'step', min: 'dataMin', max: 'dataMax', axisLabel: { formatter: shortNumber } },
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
  /** Axis ranges and kinds: {x: {min, max, integer, origin}, y: {…}}, null ends follow the data. */
  #axes = { x: {}, y: {} };
  /** Canvas context that measures legend names, so the legend's lines are known before drawing. */
  #measure = null;
  /** Where the legend starts: below the title's lines. */
  #legendTop = LEGEND_TOP;

  /** @param json '[{"name","x":[…],"y":[…]}, …]', y null where nothing is drawn; the name is the series id */
  setData(json) {
    this.#series = JSON.parse(json);
    this.requestRender();
  }

  /**
   * Appends points to existing series (and adds new series): the live update of a growing run, carrying only the
   * new points. @param json '[{"name","x":[…],"y":[…]}, …]' as in setData, x continuing each series' steps
   */
  appendData(json) {
    const byName = new Map(this.#series.map(series => [series.name, series]));
    for (const tail of JSON.parse(json)) {
      const series = byName.get(tail.name);
      if (series) {
        series.x.push(...tail.x);
        series.y.push(...tail.y);
      } else {
        this.#series.push(tail);
      }
    }
    this.requestRender();
  }

  /** @param json '{"x": {"min","max","integer","origin"}, "y": {…}}', null min/max follow the data */
  setAxes(json) {
    this.#axes = JSON.parse(json);
    this.requestRender();
  }

  /**
   * Read-only test hook: the legend's names and how many lines they take, as last drawn. Browser tests read it;
   * the application never calls it.
   */
  legendLayout() {
    const legend = this.#chart && this.#chart.getModel().getComponent('legend');
    const view = legend && this.#chart.getViewOfComponentModel(legend);
    const rect = view ? view.group.getBoundingRect() : null;
    return {
      type: legend ? legend.type : null,
      names: this.#series.map(series => series.name),
      lines: this.#legendLines(),
      drawnItems: view ? view.getContentGroup().children().length : 0,
      bottom: rect ? this.#legendTop + rect.y + rect.height : 0,
      gridTop: this.#chart ? this.#chart.getOption().grid[0].top : 0,
    };
  }

  /**
   * Read-only test hook: the axes' drawn extents {x: [min, max], y: [min, max]}. Browser tests read it.
   */
  axisExtents() {
    if (!this.#chart) {
      return null;
    }
    const model = this.#chart.getModel();
    const extent = (type) => model.getComponent(type, 0).axis.scale.getExtent();
    return { x: extent('xAxis'), y: extent('yAxis') };
  }

  /**
   * Read-only test hook: the x axis' tick labels as drawn — text and box {x, y, width, height} in the element —
   * leaving out those ECharts hid because they would overlap (hideOverlap). Browser tests read it.
   */
  xTickLabels() {
    const model = this.#chart && this.#chart.getModel().getComponent('xAxis', 0);
    const view = model && this.#chart.getViewOfComponentModel(model);
    const labels = [];
    if (view) {
      view.group.traverse(el => {
        if (el.type === 'text' && !el.ignore && !el.invisible && String(el.anid || '').startsWith('label_')) {
          const rect = el.getBoundingRect().clone();
          rect.applyTransform(el.getComputedTransform());
          labels.push({ text: el.style.text, x: rect.x, y: rect.y, width: rect.width, height: rect.height });
        }
      });
    }
    return labels;
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

  /**
   * Read-only test hook: the title, the drawn boxes of the title and the toolbox ({x, y, width, height} in the
   * element) and each series' line type ('solid' or 'dashed') by name. Browser tests read it; the application never calls it.
   */
  drawnLayout() {
    const box = type => {
      const model = this.#chart && this.#chart.getModel().getComponent(type);
      const view = model && this.#chart.getViewOfComponentModel(model);
      const rect = view ? view.group.getBoundingRect().clone() : null;
      if (rect) {
        rect.applyTransform(view.group.getLocalTransform());
      }
      return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
    };
    const lineTypes = {};
    for (const series of this.#chart ? this.#chart.getOption().series : []) {
      lineTypes[series.name] = series.lineStyle ? series.lineStyle.type : 'solid';
    }
    return { titleText: this.#title, title: box('title'), toolbox: box('toolbox'), lineTypes };
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
    return [`${echarts.format.encodeHTML(this.#xAxisName)} ${shortNumber(step)}`, ...rows].join('<br>');
  }

  /** How many lines the legend's names wrap onto at the element's width (0 without series). */
  #legendLines() {
    if (this.#series.length === 0) {
      return 0;
    }
    const measure = this.#measuring(LEGEND_FONT);
    const width = Math.max(100, (this.clientWidth || 600) - LEGEND_SIDES);
    let lines = 1;
    let used = 0;
    for (const series of this.#series) {
      const item = LEGEND_ICON + measure.measureText(series.name).width;
      if (used > 0 && used + LEGEND_GAP + item > width) {
        lines++;
        used = item;
      } else {
        used += (used > 0 ? LEGEND_GAP : 0) + item;
      }
    }
    return lines;
  }

  /** How many lines the title wraps onto (by word) in its room beside the toolbox. */
  #titleLines() {
    const measure = this.#measuring(TITLE_FONT);
    const width = titleWidth(this);
    let lines = 1;
    let line = '';
    for (const word of this.#title.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure.measureText(next).width > width) {
        lines++;
        line = word;
      } else {
        line = next;
      }
    }
    return lines;
  }

  /** The canvas context that measures text, set to the given font. */
  #measuring(font) {
    if (!this.#measure) {
      this.#measure = document.createElement('canvas').getContext('2d');
    }
    this.#measure.font = font;
    return this.#measure;
  }

  /** A new width: the legend's lines and the title's room change with it. */
  resized() {
    this.requestRender();
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
    const lines = this.#legendLines();
    const titleExtra = (this.#titleLines() - 1) * TITLE_LINE;
    this.#legendTop = LEGEND_TOP + titleExtra;
    const extra = titleExtra + Math.max(0, lines - 1) * LEGEND_LINE;
    this.style.setProperty('--legend-extra', `${extra}px`);
    chart.setOption({
      title: { text: this.#title, left: 8, top: 4, textStyle: { fontSize: 16, lineHeight: TITLE_LINE,
        width: titleWidth(this), overflow: 'break' } },
      toolbox: { feature: { saveAsImage: { name: this.#title || 'chart' } } },
      legend: { top: this.#legendTop },
      grid: { top: this.#legendTop + Math.max(1, lines) * LEGEND_LINE + 26 },
      // the axis is rebuilt when its type changes, so its label format is set here, not once
      // the y axis' name along the axis, left of its ticks: never under the legend however many lines it takes
      yAxis: { type: this.#logScale ? 'log' : 'value', name: this.#yAxisName, nameLocation: 'middle', nameGap: 52,
        scale: true,
        axisLabel: { formatter: shortNumber, hideOverlap: true }, ...range(this.#axes.y, this.#logScale) },
      // on a narrow chart the ticks thin out rather than overlap
      xAxis: { name: this.#xAxisName, minInterval: this.#axes.x.integer ? 1 : 0, axisLabel: { formatter: shortNumber,
        hideOverlap: true },
        ...range(this.#axes.x, false, 'dataMin', 'dataMax') },
      dataZoom: [{ id: INSIDE_ZOOM, ...this.#zoom }, { id: SLIDER_ZOOM, ...this.#zoom }],
      series: this.#series.map(series => lineSeries(series, this.#scatterNames.has(series.name),
        this.#styles[series.name])),
    }, { replaceMerge: ['series'] });
  }
}

/**
 * An axis' min and max: fixed where given; stretched to include 0 with origin; else the defaults (the data's
 * extent, or ECharts' rounded scale when undefined). A log axis ignores fixed ends and the origin.
 */
function range(axis, log, lowDefault, highDefault) {
  if (log) {
    return { min: undefined, max: undefined };
  }
  const low = axis.min != null ? axis.min : axis.origin ? v => Math.min(0, v.min) : lowDefault;
  const high = axis.max != null ? axis.max : axis.origin ? v => Math.max(0, v.max) : highDefault;
  return { min: low, max: high };
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

/** The title's widest extent: the element's width less the toolbox's room. */
function titleWidth(element) {
  return Math.max(60, (element.clientWidth || 600) - 8 - TOOLBOX_ROOM);
}
