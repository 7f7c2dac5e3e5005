import { HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import { echarts, EChartsElement, shortNumber } from './echarts-base.js';

echarts.use([HeatmapChart, VisualMapContinuousComponent]);

/** Blue – white – red, for matrices with both signs; white is 0. */
const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
/** Dark – bright (viridis stops), for matrices of one sign. */
const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

/**
 * <factlab-heatmap>: one matrix preview, driven by org.factlab.ui.charts.Heatmap. Row 0 is at the top.
 * Each cell may stand for a block of the source matrix (the mean of rowBlock × colBlock entries); the
 * axes and the tooltip give source indices.
 */
class FactlabHeatmap extends EChartsElement {
  #matrix = null;
  #visibility = null;

  connectedCallback() {
    super.connectedCallback();
    // Tell the server whether the heatmap is in view (with a margin), so that it sends matrices only then.
    this.#visibility = new IntersectionObserver(entries => {
      const visible = entries[entries.length - 1].isIntersecting;
      this.dispatchEvent(new CustomEvent('factlab-visibility', { detail: { visible } }));
    }, { rootMargin: '200px' });
    this.#visibility.observe(this);
  }

  disconnectedCallback() {
    this.#visibility.disconnect();
    super.disconnectedCallback();
  }

  /**
   * @param json '{"title","sourceRows","sourceCols","rowBlock","colBlock","rows","cols","min","max",
   *             "values":[…]}', values row-major, null where missing; min and max null when all are
   */
  setMatrix(json) {
    this.#matrix = JSON.parse(json);
    this.requestRender();
  }

  clear() {
    this.#matrix = null;
    this.requestRender();
  }

  render(chart) {
    if (this.#matrix) {
      chart.setOption(heatmapOption(this.#matrix), { notMerge: true });
    } else {
      chart.clear();
    }
  }
}

function heatmapOption(m) {
  const [low, high, palette] = colourScale(m.min, m.max);
  return {
    animation: false,
    title: { text: m.title, left: 8, top: 4 },
    toolbox: {
      top: 0,
      right: 8,
      padding: [6, 0],
      feature: { saveAsImage: { name: m.title || 'matrix', pixelRatio: 2, excludeComponents: ['toolbox'] } },
    },
    tooltip: { formatter: ({ value }) => cellText(m, value) },
    grid: { left: 48, right: 96, top: 40, bottom: 32 },
    xAxis: indexAxis(m.cols, m.colBlock),
    yAxis: { ...indexAxis(m.rows, m.rowBlock), inverse: true },
    visualMap: {
      type: 'continuous',
      min: low,
      max: high,
      text: [shortNumber(high), shortNumber(low)],
      inRange: { color: palette },
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 160,
    },
    // a large preview (up to 200 × 200 cells) is drawn in chunks over several frames, never in one long task
    series: [{ type: 'heatmap', data: cells(m), progressive: 2500, progressiveThreshold: 5000 }],
  };
}

/** [low, high, colours]: symmetric around 0 when the values have both signs, their own range otherwise. */
function colourScale(min, max) {
  if (min == null) {
    return [0, 1, SEQUENTIAL];
  }
  if (min < 0 && max > 0) {
    const bound = Math.max(-min, max);
    return [-bound, bound, DIVERGING];
  }
  return [min, max > min ? max : min + 1, SEQUENTIAL];
}

/** A category axis over the cells, labelled with source indices every round number of cells. */
function indexAxis(cells, block) {
  const step = labelStep(cells);
  return {
    type: 'category',
    data: Array.from({ length: cells }, (_, i) => String(i * block)),
    axisLabel: { interval: index => index % step === 0, hideOverlap: true },
    axisTick: { interval: index => index % step === 0 },
  };
}

/** The least of 1, 2, 5, 10, 20, 50, … that labels at most six of the cells. */
function labelStep(cells) {
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [magnitude, 2 * magnitude, 5 * magnitude]) {
      if (cells / step <= 6) {
        return step;
      }
    }
  }
}

/** [col, row, value] per cell with a value. */
function cells(m) {
  const data = [];
  for (let r = 0; r < m.rows; r++) {
    for (let c = 0; c < m.cols; c++) {
      const value = m.values[r * m.cols + c];
      if (value != null) {
        data.push([c, r, value]);
      }
    }
  }
  return data;
}

function cellText(m, [col, row, value]) {
  const rows = sourceRange('row', row, m.rowBlock, m.sourceRows);
  const cols = sourceRange('col', col, m.colBlock, m.sourceCols);
  const label = m.rowBlock * m.colBlock > 1 ? 'mean' : 'value';
  return `${rows}, ${cols}<br>${label} ${shortNumber(value)}`;
}

function sourceRange(name, index, block, sourceCount) {
  const first = index * block;
  const last = Math.min(first + block, sourceCount) - 1;
  return first === last ? `${name} ${first}` : `${name}s ${first}–${last}`;
}

customElements.define('factlab-heatmap', FactlabHeatmap);
