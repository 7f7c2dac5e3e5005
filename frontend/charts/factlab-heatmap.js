import { VisualMapContinuousComponent } from 'echarts/components';
import { echarts, EChartsElement, shortNumber } from './echarts-base.js';

echarts.use([VisualMapContinuousComponent]);

/** The matrix image is drawn at least this many pixels per side, cells as sharp squares. */
const IMAGE_SIDE = 400;

/** Blue – white – red, for matrices with both signs; white is 0. */
const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
/** Dark – bright (viridis stops), for matrices of one sign. */
const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

/**
 * <factlab-heatmap>: one matrix preview, driven by org.factlab.ui.charts.Heatmap. Row 0 is at the top.
 * Each cell may stand for a block of the source matrix (the mean of rowBlock × colBlock entries); the
 * axes and the tooltip give source indices. The cells are painted as one image (a pixel per cell, scaled
 * up without smoothing) inside ECharts' axes and colour bar: a 200 × 200 preview costs a few milliseconds
 * instead of 40 000 chart elements. The image is a zrender element of its own, placed over the plot area after
 * ECharts laid the axes out, so that a new matrix costs one ECharts update, not two.
 */
class FactlabHeatmap extends EChartsElement {
  #matrix = null;
  #visibility = null;
  #image = null;
  /** The zrender element showing #image, under ECharts' axes. */
  #imageElement = null;
  #tip = null;
  /** Counts setMatrix/clear calls: a fetch that an later call overtook is dropped. */
  #request = 0;

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
   * Shows a matrix whose values are fetched from the element's values-src attribute (float32 little-endian,
   * row-major, NaN where missing), off the server's message: the push carries only this small description.
   *
   * @param json '{"title","sourceRows","sourceCols","rowBlock","colBlock","rows","cols","min","max"}'; min and
   *             max null when every value is missing
   */
  setMatrix(json) {
    const matrix = JSON.parse(json);
    const request = ++this.#request;
    fetch(this.getAttribute('values-src'), { credentials: 'same-origin' })
      .then(response => {
        if (!response.ok) {
          throw new Error(`matrix values: HTTP ${response.status}`);
        }
        return response.arrayBuffer();
      })
      .then(buffer => {
        if (request !== this.#request) {
          return;
        }
        matrix.values = new Float32Array(buffer);
        this.#matrix = matrix;
        this.requestRender();
      })
      .catch(error => console.warn('factlab-heatmap', error));
  }

  clear() {
    this.#request++;
    this.#matrix = null;
    this.requestRender();
  }

  chartCreated(chart) {
    this.#tip = document.createElement('div');
    this.#tip.style.cssText = 'position:absolute;pointer-events:none;display:none;background:#fff;'
      + 'border:1px solid #ccc;border-radius:4px;padding:4px 8px;font:12px sans-serif;white-space:nowrap;';
    this.shadowRoot.appendChild(this.#tip);
    chart.getZr().on('mousemove', e => this.#hover(chart, e.offsetX, e.offsetY));
    chart.getZr().on('globalout', () => {
      this.#tip.style.display = 'none';
    });
  }

  render(chart) {
    if (!this.#matrix) {
      this.#image = null;
      this.#placeImage(chart);
      chart.clear();
      return;
    }
    const m = this.#matrix;
    const [low, high, palette] = colourScale(m.min, m.max);
    this.#image = matrixImage(m, low, high, palette);
    // the title stops short of the toolbox's one icon
    chart.setOption(heatmapOption(m, low, high, palette, Math.max(60, (this.clientWidth || 400) - 64)),
      { notMerge: true });
    this.#placeImage(chart);
  }

  resized(chart) {
    this.#placeImage(chart);
  }

  /** Puts the matrix image exactly over the plot area (which moves with the element's size), or removes it. */
  #placeImage(chart) {
    const zr = chart.getZr();
    if (!this.#image) {
      if (this.#imageElement) {
        zr.remove(this.#imageElement);
        this.#imageElement = null;
      }
      return;
    }
    const rect = chart.getModel().getComponent('grid').coordinateSystem.getRect();
    if (!this.#imageElement) {
      this.#imageElement = new echarts.graphic.Image({ silent: true, z: -1 });
      zr.add(this.#imageElement);
    }
    this.#imageElement.attr({ style: { image: this.#image, x: rect.x, y: rect.y, width: rect.width,
      height: rect.height } });
  }

  #hover(chart, x, y) {
    const m = this.#matrix;
    if (!m || !chart.containPixel({ gridIndex: 0 }, [x, y])) {
      this.#tip.style.display = 'none';
      return;
    }
    const [col, row] = chart.convertFromPixel({ gridIndex: 0 }, [x, y]).map(Math.round);
    if (!(col >= 0 && col < m.cols && row >= 0 && row < m.rows)) {
      this.#tip.style.display = 'none';
      return;
    }
    this.#tip.innerHTML = cellText(m, [col, row, m.values[row * m.cols + col]]);
    this.#tip.style.left = `${Math.min(x + 12, this.clientWidth - 160)}px`;
    this.#tip.style.top = `${y + 12}px`;
    this.#tip.style.display = 'block';
  }
}

/** A canvas with one pixel per cell in the colour scale (transparent where missing), scaled up sharply. */
function matrixImage(m, low, high, palette) {
  const small = document.createElement('canvas');
  small.width = m.cols;
  small.height = m.rows;
  const context = small.getContext('2d');
  const pixels = context.createImageData(m.cols, m.rows);
  const stops = palette.map(hex => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)));
  const span = high - low;
  for (let i = 0; i < m.values.length; i++) {
    const value = m.values[i];
    if (Number.isNaN(value)) {
      continue;
    }
    const t = Math.min(1, Math.max(0, (value - low) / span)) * (stops.length - 1);
    const k = Math.min(stops.length - 2, Math.floor(t));
    const f = t - k;
    for (let c = 0; c < 3; c++) {
      pixels.data[4 * i + c] = Math.round(stops[k][c] + f * (stops[k + 1][c] - stops[k][c]));
    }
    pixels.data[4 * i + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  const scale = Math.max(1, Math.ceil(IMAGE_SIDE / Math.max(m.rows, m.cols)));
  const large = document.createElement('canvas');
  large.width = m.cols * scale;
  large.height = m.rows * scale;
  const sharp = large.getContext('2d');
  sharp.imageSmoothingEnabled = false;
  sharp.drawImage(small, 0, 0, large.width, large.height);
  return large;
}

function heatmapOption(m, low, high, palette, titleRoom) {
  return {
    animation: false,
    title: { text: m.title, left: 8, top: 4, textStyle: { width: titleRoom, overflow: 'truncate' } },
    toolbox: {
      top: 0,
      right: 8,
      padding: [6, 0],
      feature: { saveAsImage: { name: m.title || 'matrix', pixelRatio: 2, excludeComponents: ['toolbox'] } },
    },
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
