// Break-even chart for the cost panel: monthly cost against requests/day (log x, linear y), drawn as
// plain SVG with createElementNS. No innerHTML, no style attributes, no inline handlers (the panel's CSP
// has no 'unsafe-inline'): everything visual is a class styled by media/chart.css with --vscode-* colours.
// The geometry helpers are pure and exported so they can be tested in plain Node.
import type { CostCurve } from '../core/economics/curve';

export type Point = readonly [number, number];

export interface ChartOptions {
  width: number;
  height: number;
  title?: string;
  formatUsd(n: number): string;
  formatCount(n: number): string;
  /** Top of the y axis; default: the region around the markers (see `chartYMax`), lines above it are clipped. */
  yMax?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Rough advance width of one character at the chart's 11px font, for layout without measuring. */
const CHAR_PX = 6.2;
const ROW_PX = 14;
let chartCount = 0;

/** Maps [d0, d1] to [r0, r1] logarithmically; both domain ends must be > 0. */
export function logScale(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain.map(Math.log10) as [number, number];
  const [r0, r1] = range;
  return (v) => r0 + ((Math.log10(v) - d0) / (d1 - d0)) * (r1 - r0);
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** About `count` evenly spaced round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) max = min === 0 ? 1 : min + Math.abs(min);
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-9))!;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** Powers of ten inside [min, max] (labelled), and 2…9 × 10ⁿ (gridlines only). */
export function logTicks(min: number, max: number): { major: number[]; minor: number[] } {
  const major: number[] = [];
  const minor: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (let m = 1; m <= 9; m++) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v < min * (1 - 1e-9) || v > max * (1 + 1e-9)) continue;
      (m === 1 ? major : minor).push(v);
    }
  }
  return { major, minor };
}

/** SVG path data through the points; a non-finite point breaks the line. Coordinates to 0.01 px. */
export function pathFor(points: readonly Point[]): string {
  let d = '';
  let pen = false;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(x)},${num(y)}`;
    pen = true;
  }
  return d;
}

/** Greedy rows for labels spanning [left, right] so none overlap in a row; returns each label's row. */
export function assignRows(spans: readonly { left: number; right: number }[], gap = 6): number[] {
  const rowEnds: number[] = [];
  return spans.map(({ left, right }) => {
    let row = rowEnds.findIndex((end) => end + gap <= left);
    if (row < 0) row = rowEnds.push(right) - 1;
    else rowEnds[row] = right;
    return row;
  });
}

/**
 * Default top of the y axis: the largest cost up to twice the largest marker, plus 10 %. A linear y axis
 * over a log x range would otherwise be scaled by the API cost at 100× the workload and flatten the crossing.
 */
export function chartYMax(curve: CostCurve): number {
  const { volumes } = curve;
  const last = volumes[volumes.length - 1] ?? 1;
  const marks = markerList(curve).map((m) => m.value).filter((v): v is number => v !== null && v > 0 && v <= last);
  const focus = marks.length ? Math.min(last, 2 * Math.max(...marks)) : last;
  let top = 0;
  volumes.forEach((v, i) => {
    if (i === 0 || v <= focus) top = Math.max(top, curve.api[i] ?? 0, curve.selfHostedWithOps[i] ?? 0, curve.selfHostedComputeOnly[i] ?? 0, curve.hostedOpen?.[i] ?? 0);
  });
  return top > 0 ? top * 1.1 : 1;
}

interface Marker { key: 'compute' | 'ops' | 'hosted' | 'current'; label: string; value: number | null }

function markerList(c: CostCurve): Marker[] {
  return [
    { key: 'compute', label: 'break-even, compute only', value: c.markers.breakEvenComputeOnly },
    { key: 'ops', label: 'break-even, with ops', value: c.markers.breakEvenWithOps },
    ...(c.hostedOpen ? [{ key: 'hosted' as const, label: 'break-even vs hosted, with ops', value: c.markers.breakEvenHostedWithOps }] : []),
    { key: 'current', label: 'current', value: c.markers.current },
  ];
}

/** One sentence for screen readers: both break-evens and the current volume. */
export function chartSummary(curve: CostCurve, fmtCount: (n: number) => string): string {
  const be = (v: number | null, what: string) => (v === null ? `no ${what} break-even` : `${what} break-even at ${fmtCount(v)} requests/day`);
  const hosted = curve.hostedOpen ? `; against the hosted open model, ${be(curve.markers.breakEvenHostedWithOps, 'with-ops')}` : '';
  return `Monthly cost against requests per day: self-hosting ${be(curve.markers.breakEvenWithOps, 'with-ops')}, ${be(curve.markers.breakEvenComputeOnly, 'compute-only')}${hosted}; current volume ${fmtCount(curve.markers.current)} requests/day.`;
}

export function renderBreakEvenChart(curve: CostCurve, opts: ChartOptions): SVGSVGElement {
  const { width, height } = opts;
  const svg = node('svg', { class: 'be-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': chartSummary(curve, opts.formatCount) });
  const title = opts.title ?? 'Monthly cost vs requests/day';
  append(svg, 'title', {}, title);
  append(svg, 'desc', {}, `${chartSummary(curve, opts.formatCount)} Requests per day on a log scale; lines: API, ${curve.hostedOpen ? 'hosted open model, ' : ''}self-hosted with ops, self-hosted compute only.`);
  const n = curve.volumes.length;
  if (n < 2) {
    append(svg, 'text', { class: 'be-empty', x: width / 2, y: height / 2, 'text-anchor': 'middle' }, 'No cost curve to draw');
    return svg;
  }
  const xDomain: [number, number] = [curve.volumes[0]!, curve.volumes[n - 1]!];
  const yTicks = niceTicks(0, opts.yMax ?? chartYMax(curve), 5);
  const yTop = yTicks[yTicks.length - 1]!;

  // Layout: title, legend, marker label rows above the plot; tick labels and axis title below.
  const yLabelWidth = Math.max(...yTicks.map((t) => opts.formatUsd(t).length)) * CHAR_PX;
  const left = Math.ceil(yLabelWidth + 30);
  const right = width - 12;
  let top = 6;
  if (opts.title) {
    append(svg, 'text', { class: 'be-title', x: 4, y: 14 }, opts.title);
    top = 24;
  }
  const legend = [
    { cls: 'be-line-api', label: 'API' },
    ...(curve.hostedOpen ? [{ cls: 'be-line-hosted', label: 'Hosted open model' }] : []),
    { cls: 'be-line-ops', label: 'Self-hosted, with ops' },
    { cls: 'be-line-compute', label: 'Self-hosted, compute only' },
  ];
  const legendG = append(svg, 'g', { class: 'be-legend' });
  let lx = left;
  for (const item of legend) {
    const w = 24 + item.label.length * CHAR_PX;
    if (lx + w > right && lx > left) [lx, top] = [left, top + ROW_PX + 2];
    append(legendG, 'line', { class: `be-line ${item.cls}`, x1: lx, x2: lx + 18, y1: top + 8, y2: top + 8 });
    append(legendG, 'text', { class: 'be-legend-label', x: lx + 22, y: top + 12 }, item.label);
    lx += w + 14;
  }
  top += ROW_PX + 8;

  const x = logScale(xDomain, [left, right]);
  const inRange = (v: number | null): v is number => v !== null && v >= xDomain[0] && v <= xDomain[1];
  const marks = markerList(curve).filter((m) => inRange(m.value)).sort((a, b) => a.value! - b.value!);
  const labels = marks.map((m) => {
    const text = `${m.label}: ${opts.formatCount(m.value!)}`;
    const px = x(m.value!);
    const w = text.length * CHAR_PX;
    const atEnd = px + 3 + w > right;
    return { m, text, px, atEnd, left: atEnd ? px - 3 - w : px + 3, right: atEnd ? px - 3 : px + 3 + w };
  });
  const rows = assignRows(labels);
  const labelRows = rows.length ? Math.max(...rows) + 1 : 0;
  const plotTop = top + labelRows * ROW_PX + 4;
  const plotBottom = height - 40;
  const y = linearScale([0, yTop], [plotBottom, plotTop]);

  const grid = append(svg, 'g', { class: 'be-grid' });
  const xTicks = logTicks(xDomain[0], xDomain[1]);
  for (const t of yTicks) append(grid, 'line', { class: 'be-gridline', x1: left, x2: right, y1: y(t), y2: y(t) });
  for (const t of xTicks.major) append(grid, 'line', { class: 'be-gridline', x1: x(t), x2: x(t), y1: plotTop, y2: plotBottom });
  for (const t of xTicks.minor) append(grid, 'line', { class: 'be-gridline be-gridline-minor', x1: x(t), x2: x(t), y1: plotTop, y2: plotBottom });

  const yAxis = append(svg, 'g', { class: 'be-axis be-axis-y' });
  append(yAxis, 'line', { class: 'be-axis-line', x1: left, x2: left, y1: plotTop, y2: plotBottom });
  for (const t of yTicks) append(yAxis, 'text', { class: 'be-tick-label', x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, opts.formatUsd(t));
  const xAxis = append(svg, 'g', { class: 'be-axis be-axis-x' });
  append(xAxis, 'line', { class: 'be-axis-line', x1: left, x2: right, y1: plotBottom, y2: plotBottom });
  // Thin the decade labels when they would collide.
  const widest = Math.max(0, ...xTicks.major.map((t) => opts.formatCount(t).length)) * CHAR_PX + 8;
  const every = Math.max(1, Math.ceil((widest * xTicks.major.length) / Math.max(1, right - left)));
  xTicks.major.forEach((t, i) => {
    append(xAxis, 'line', { class: 'be-tick', x1: x(t), x2: x(t), y1: plotBottom, y2: plotBottom + 4 });
    if (i % every === 0) append(xAxis, 'text', { class: 'be-tick-label', x: x(t), y: plotBottom + 16, 'text-anchor': 'middle' }, opts.formatCount(t));
  });
  append(xAxis, 'text', { class: 'be-axis-title', x: (left + right) / 2, y: height - 6, 'text-anchor': 'middle' }, 'requests/day (log scale)');
  const yMid = (plotTop + plotBottom) / 2;
  append(yAxis, 'text', { class: 'be-axis-title', x: 12, y: yMid, 'text-anchor': 'middle', transform: `rotate(-90 12 ${num(yMid)})` }, 'cost per month');

  const clipId = `llm-cost-lens-chart-clip-${++chartCount}`;
  const defs = append(svg, 'defs', {});
  const clip = append(defs, 'clipPath', { id: clipId });
  append(clip, 'rect', { x: left, y: plotTop, width: right - left, height: plotBottom - plotTop });

  const lines = append(svg, 'g', { class: 'be-lines', 'clip-path': `url(#${clipId})` });
  const current = curve.markers.current;
  const at = (ys: number[]) => (inRange(current) ? interpolate(curve.volumes, ys, current) : null);
  const series: [string, string, number[]][] = [
    ['be-line-api', 'API', curve.api],
    ...(curve.hostedOpen ? [['be-line-hosted', 'Hosted open model', curve.hostedOpen] as [string, string, number[]]] : []),
    ['be-line-ops', 'Self-hosted, with ops', curve.selfHostedWithOps],
    ['be-line-compute', 'Self-hosted, compute only', curve.selfHostedComputeOnly],
  ];
  for (const [cls, label, ys] of series) {
    const path = append(lines, 'path', { class: `be-line ${cls}`, fill: 'none', d: pathFor(curve.volumes.map((v, i) => [x(v), y(ys[i]!)] as const)) });
    const now = at(ys);
    append(path, 'title', {}, now === null ? label : `${label}: ${opts.formatUsd(now)}/month at ${opts.formatCount(current)} requests/day`);
  }

  // Lines first, then every label over them (with a background halo in CSS), so no line crosses a label.
  const markersG = append(svg, 'g', { class: 'be-markers' });
  const labelY = (i: number) => top + rows[i]! * ROW_PX + 10;
  labels.forEach((l, i) => {
    const g = append(markersG, 'g', { class: `be-marker be-marker-${l.m.key}` });
    append(g, 'title', {}, `${l.m.label}: ${opts.formatCount(l.m.value!)} requests/day`);
    append(g, 'line', { class: 'be-marker-line', x1: l.px, x2: l.px, y1: labelY(i) + 2, y2: plotBottom });
  });
  const labelsG = append(svg, 'g', { class: 'be-marker-labels' });
  labels.forEach((l, i) => {
    append(labelsG, 'text', { class: `be-marker-label be-marker-${l.m.key}`, x: l.atEnd ? l.px - 3 : l.px + 3, y: labelY(i), 'text-anchor': l.atEnd ? 'end' : 'start' }, l.text);
  });
  return svg;
}

/** Linear interpolation of ys at v between the surrounding samples (volumes ascending). */
export function interpolate(xs: readonly number[], ys: readonly number[], v: number): number | null {
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === v) return ys[i]!;
    if (xs[i]! > v) {
      if (i === 0) return null;
      const t = (v - xs[i - 1]!) / (xs[i]! - xs[i - 1]!);
      return ys[i - 1]! + t * (ys[i]! - ys[i - 1]!);
    }
  }
  return null;
}

type Attrs = Record<string, string | number>;

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, typeof v === 'number' ? num(v) : v);
  if (text !== undefined) el.textContent = text;
  return el;
}

function append<K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attrs: Attrs = {}, text?: string): SVGElementTagNameMap[K] {
  const el = node(tag, attrs, text);
  parent.appendChild(el);
  return el;
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100 || 0);
}
