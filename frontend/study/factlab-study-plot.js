import { CustomChart, LineChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { echarts, EChartsElement, shortNumber } from '../charts/echarts-base.js';

echarts.use([CustomChart, LineChart, LegendComponent]);

/** The line chart's palette (charts/factlab-line-chart.js), so that a study's lines look like the run page's. */
const PALETTE = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b',
  '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#393b79', '#ad494a',
];
const CAP_HALF_WIDTH = 4;
const LEGEND_ROW_HEIGHT = 22;
/** Legend entries per row assumed when reserving room above the plot (the legend wraps, it never pages). */
const LEGEND_PER_ROW = 3;
const TITLE_ROW_HEIGHT = 20;
/** A generous width per title character at 14 px, so that the title is never cut short. */
const TITLE_CHAR_WIDTH = 8;

/**
 * <factlab-study-plot>: one summary value of a study against a swept field, driven by org.factlab.ui.study.StudyPlot.
 * One line per combination of the other swept fields, through the means over seeds, with a mean ± std error
 * bar at every point that has two or more seeds. Legend entries toggle a line and its bars together.
 */
class FactlabStudyPlot extends EChartsElement {
  #plot = null;

  /**
   * @param json '{"title","xName","categories":[…]|null,"logX","yMin","yMax",
   *             "lines":[{"name","x":[…],"mean":[…],"std":[…],"n":[…]}]}'; x are category indices when categories
   *             is given; mean and std null where missing; yMin/yMax null for a range fitted to the values
   */
  setPlot(json) {
    this.#plot = JSON.parse(json);
    this.requestRender();
  }

  /** Read-only test hook: the number of lines drawn. Browser tests read it; the application never calls it. */
  lineCount() {
    return this.#plot ? this.#plot.lines.length : 0;
  }

  /** Read-only test hook: the error bars as [line, x, low, high]. Browser tests read it; the application never calls it. */
  errorBars() {
    return this.#plot ? this.#plot.lines.flatMap((line, l) => bars(line).map(([x, low, high]) => [l, x, low, high]))
      : [];
  }

  render(chart) {
    if (!this.#plot) {
      chart.clear();
      return;
    }
    const p = this.#plot;
    const legendRows = Math.max(1, Math.ceil(p.lines.length / LEGEND_PER_ROW));
    // a long title (the paper's words for the value) wraps instead of running under the toolbox
    const titleWidth = Math.max(120, chart.getWidth() - 48);
    const titleRows = Math.max(1, Math.ceil(p.title.length * TITLE_CHAR_WIDTH / titleWidth));
    const legendTop = 8 + titleRows * TITLE_ROW_HEIGHT;
    const xAxis = p.categories
      ? { type: 'category', data: p.categories, name: p.xName, boundaryGap: true }
      : { type: p.logX ? 'log' : 'value', name: p.xName, scale: true, axisLabel: { formatter: shortNumber, hideOverlap: true } };
    chart.setOption({
      animation: false,
      color: PALETTE,
      title: { text: p.title, left: 8, top: 4,
        textStyle: { fontSize: 14, width: titleWidth, overflow: 'break', lineHeight: TITLE_ROW_HEIGHT } },
      legend: { type: 'plain', top: legendTop, left: 8, right: 8, data: p.lines.map(line => line.name) },
      tooltip: { trigger: 'item', confine: true, formatter: item => tooltip(p, item) },
      toolbox: { top: 0, right: 8, padding: [6, 0],
        feature: { saveAsImage: { name: p.title || 'study', pixelRatio: 2 } } },
      grid: { left: 56, right: 40, top: legendTop + 12 + legendRows * LEGEND_ROW_HEIGHT, bottom: 48 },
      xAxis: { ...xAxis, nameLocation: 'middle', nameGap: 28 },
      // the title names the value: a y axis name would only repeat it over the legend
      yAxis: { type: 'value', scale: true, min: p.yMin ?? undefined, max: p.yMax ?? undefined,
        axisLabel: { formatter: shortNumber } },
      series: p.lines.flatMap((line, i) => [
        { name: line.name, type: 'line', symbolSize: 7, showSymbol: true, connectNulls: false,
          itemStyle: { color: PALETTE[i % PALETTE.length] }, lineStyle: { width: 2 },
          data: line.x.map((x, k) => [x, line.mean[k], line.std[k], line.n[k]]) },
        { name: line.name, type: 'custom', renderItem: errorBar(PALETTE[i % PALETTE.length]), silent: true,
          encode: { x: 0, y: [1, 2] }, data: bars(line), z: 1 },
      ]),
    }, { notMerge: true });
  }
}

/** [x, mean − std, mean + std] of every point with a finite mean and std. */
function bars(line) {
  return line.x.flatMap((x, k) => line.mean[k] != null && line.std[k] != null
    ? [[x, line.mean[k] - line.std[k], line.mean[k] + line.std[k]]] : []);
}

/** A vertical bar from low to high with a cap at each end, in the line's colour. */
function errorBar(color) {
  return (params, api) => {
    const low = api.coord([api.value(0), api.value(1)]);
    const high = api.coord([api.value(0), api.value(2)]);
    const style = { stroke: color, lineWidth: 1.2 };
    const segment = (x1, y1, x2, y2) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style });
    return {
      type: 'group',
      children: [
        segment(low[0], low[1], high[0], high[1]),
        segment(low[0] - CAP_HALF_WIDTH, low[1], low[0] + CAP_HALF_WIDTH, low[1]),
        segment(high[0] - CAP_HALF_WIDTH, high[1], high[0] + CAP_HALF_WIDTH, high[1]),
      ],
    };
  };
}

function tooltip(plot, item) {
  const [x, mean, std, n] = item.value;
  const xText = plot.categories ? plot.categories[x] : shortNumber(x);
  const spread = std == null ? '' : ` ± ${shortNumber(std)}`;
  return `${echarts.format.encodeHTML(item.seriesName)}<br>${echarts.format.encodeHTML(plot.xName)} = `
    + `${echarts.format.encodeHTML(String(xText))}: <b>${shortNumber(mean)}</b>${spread} (n = ${n})`;
}

customElements.define('factlab-study-plot', FactlabStudyPlot);
