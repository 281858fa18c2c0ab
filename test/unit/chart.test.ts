import { test, after } from 'node:test';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import assert from 'node:assert/strict';
import { assignRows, chartSummary, chartYMax, interpolate, linearScale, logScale, logTicks, niceTicks, pathFor, renderBreakEvenChart } from '../../src/webview/chart';
import { costCurve, type CostCurve } from '../../src/core/economics/curve';
import { scenarioSchema } from '../../src/core/config';
import { formatCount, formatUsd } from '../../src/core/money';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `expected ≈${b}, got ${a}`);

test('logScale: decades are evenly spaced, ends map to the range ends', () => {
  const x = logScale([1, 1000], [0, 300]);
  close(x(1), 0);
  close(x(10), 100);
  close(x(100), 200);
  close(x(1000), 300);
  close(x(Math.sqrt(10)), 50);
  const inverted = logScale([10, 1e5], [400, 0]);
  close(inverted(1000), 200);
  const y = linearScale([0, 500], [300, 50]);
  close(y(0), 300);
  close(y(500), 50);
  close(y(200), 200);
});

test('niceTicks: round 1/2/5 steps covering the range', () => {
  assert.deepEqual(niceTicks(0, 440), [0, 100, 200, 300, 400, 500]);
  assert.deepEqual(niceTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0, 22_000, 4), [0, 10_000, 20_000, 30_000]);
  assert.deepEqual(niceTicks(120, 880, 4), [0, 200, 400, 600, 800, 1000]);
  assert.deepEqual(niceTicks(0, 0.07), [0, 0.02, 0.04, 0.06, 0.08], "no float noise (0.06, not 0.060000000000000005)");
  assert.deepEqual(niceTicks(0, 200), [0, 50, 100, 150, 200]);
  assert.deepEqual(niceTicks(0, 0), [0, 0.2, 0.4, 0.6, 0.8, 1], 'an empty range still gets an axis');
});

test('logTicks: decades labelled, 2…9 multiples as minor gridlines', () => {
  assert.deepEqual(logTicks(1, 303_030).major, [1, 10, 100, 1000, 10_000, 100_000]);
  assert.deepEqual(logTicks(0.005, 50).major, [0.01, 0.1, 1, 10]);
  const { major, minor } = logTicks(3, 40);
  assert.deepEqual(major, [10]);
  assert.deepEqual(minor, [3, 4, 5, 6, 7, 8, 9, 20, 30, 40]);
});

test('pathFor: M then L, rounded to 0.01 px, broken at non-finite points', () => {
  assert.equal(pathFor([]), '');
  assert.equal(pathFor([[0, 10], [5.123, 7.456], [10, 0]]), 'M0,10L5.12,7.46L10,0');
  assert.equal(pathFor([[0, 1], [1, NaN], [2, 3], [3, 4]]), 'M0,1M2,3L3,4');
  assert.equal(pathFor([[-0.001, 2]]), 'M0,2');
});

test('assignRows: overlapping labels go to the next free row', () => {
  assert.deepEqual(assignRows([{ left: 0, right: 100 }, { left: 50, right: 150 }, { left: 120, right: 200 }, { left: 160, right: 220 }]), [0, 1, 0, 1]);
  assert.deepEqual(assignRows([{ left: 0, right: 10 }, { left: 20, right: 30 }]), [0, 0]);
});

test('interpolate and chartSummary', () => {
  assert.equal(interpolate([1, 10, 100], [0, 9, 99], 10), 9);
  assert.equal(interpolate([1, 10, 100], [0, 9, 99], 55), 54);
  assert.equal(interpolate([1, 10], [0, 9], 0.5), null);
  const c = seedCurve();
  assert.equal(chartSummary(c, formatCount), 'Monthly cost against requests per day: self-hosting with-ops break-even at 3,030 requests/day, compute-only break-even at 303 requests/day; current volume 1,000 requests/day.');
  assert.match(chartSummary({ ...c, markers: { ...c.markers, breakEvenWithOps: null } }, formatCount), /no with-ops break-even/);
});

function seedCurve(): CostCurve {
  return costCurve(scenarioSchema.parse({
    workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60 },
  }), { catalog: getSnapshotCatalog() });
}

test('chartYMax: the y axis is scaled to the region around the markers, not the API cost at 100× volume', () => {
  const c = seedCurve();
  const top = chartYMax(c);
  // up to 2 × 3,030 requests/day the API costs at most 0.066 × 6,060 = $400
  assert.ok(top >= 200 * 1.1 && top <= 400 * 1.1 + 1e-6, `top ${top}`);
  assert.ok(Math.max(...c.api) > 10 * top, 'the API line leaves through the top (clipped)');
});

// ---- a minimal DOM, enough for createElementNS / setAttribute / appendChild / textContent ----
class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly children: FakeElement[] = [];
  textContent: string | null = null;
  constructor(readonly namespaceURI: string, readonly tagName: string) {}
  setAttribute(k: string, v: string): void {
    assert.equal(typeof v, 'string');
    this.attributes.set(k, v);
  }
  getAttribute(k: string): string | null {
    return this.attributes.get(k) ?? null;
  }
  appendChild(c: FakeElement): FakeElement {
    this.children.push(c);
    return c;
  }
  *walk(): Generator<FakeElement> {
    yield this;
    for (const c of this.children) yield* c.walk();
  }
  find(pred: (e: FakeElement) => boolean): FakeElement[] {
    return [...this.walk()].filter(pred);
  }
}
const g = globalThis as { document?: unknown };
const hadDocument = 'document' in g;
g.document = { createElementNS: (ns: string, tag: string) => new FakeElement(ns, tag) };
after(() => {
  if (!hadDocument) delete g.document;
});

const hasClass = (cls: string) => (e: FakeElement) => (e.getAttribute('class') ?? '').split(' ').includes(cls);

test('renderBreakEvenChart: accessible SVG, three classed lines, markers with labels, no inline styles or handlers', () => {
  const svg = renderBreakEvenChart(seedCurve(), { width: 640, height: 320, title: 'Break-even', formatUsd, formatCount }) as unknown as FakeElement;
  assert.equal(svg.tagName, 'svg');
  assert.equal(svg.namespaceURI, 'http://www.w3.org/2000/svg');
  assert.equal(svg.getAttribute('role'), 'img');
  assert.match(svg.getAttribute('aria-label')!, /with-ops break-even at 3,030 requests\/day, compute-only break-even at 303 requests\/day; current volume 1,000/);
  assert.equal(svg.getAttribute('viewBox'), '0 0 640 320');
  assert.equal(svg.children[0]!.tagName, 'title');
  assert.equal(svg.children[0]!.textContent, 'Break-even');

  const all = [...svg.walk()];
  for (const e of all) {
    assert.equal(e.getAttribute('style'), null, `${e.tagName} has a style attribute`);
    for (const k of e.attributes.keys()) assert.ok(!/^on/i.test(k), `${e.tagName} has an inline handler ${k}`);
  }
  const lines = svg.find((e) => e.tagName === 'path');
  assert.deepEqual(lines.map((p) => p.getAttribute('class')), ['be-line be-line-api', 'be-line be-line-ops', 'be-line be-line-compute']);
  for (const p of lines) assert.match(p.getAttribute('d')!, /^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+){199}$/);
  assert.equal(lines[1]!.children[0]!.textContent, 'Self-hosted, with ops: $200/month at 1,000 requests/day');
  assert.equal(lines[0]!.children[0]!.textContent, 'API: $66/month at 1,000 requests/day');
  // the lines are clipped to the plot: the clip path exists and is referenced
  const clipId = svg.find((e) => e.tagName === 'clipPath')[0]!.getAttribute('id');
  assert.equal(svg.find(hasClass('be-lines'))[0]!.getAttribute('clip-path'), `url(#${clipId})`);

  const markers = svg.find(hasClass('be-marker')).filter((e) => e.tagName === 'g');
  assert.deepEqual(markers.map((m) => m.getAttribute('class')), ['be-marker be-marker-compute', 'be-marker be-marker-current', 'be-marker be-marker-ops']);
  assert.deepEqual(svg.find(hasClass('be-marker-label')).map((e) => [e.getAttribute('class'), e.textContent]), [
    ['be-marker-label be-marker-compute', 'break-even, compute only: 303'],
    ['be-marker-label be-marker-current', 'current: 1,000'],
    ['be-marker-label be-marker-ops', 'break-even, with ops: 3,030'],
  ]);
  assert.deepEqual(markers.map((m) => m.children[0]!.textContent), ['break-even, compute only: 303 requests/day', 'current: 1,000 requests/day', 'break-even, with ops: 3,030 requests/day']);
  assert.equal(svg.find(hasClass('be-title'))[0]!.textContent, 'Break-even', 'a given title is visible too');
  // markers sit at their volume on the log axis
  const xs = markers.map((m) => Number(m.find((e) => e.tagName === 'line')[0]!.getAttribute('x1')));
  close((xs[1]! - xs[0]!) / (xs[2]! - xs[1]!), Math.log10(1000 / 303.0303) / Math.log10(3030.303 / 1000), 0.01);
  assert.ok(xs[1]! - xs[0]! > 20);

  const tickLabels = svg.find((e) => e.tagName === 'text' && hasClass('be-tick-label')(e)).map((e) => e.textContent);
  for (const t of ['1', '10', '100', '1,000', '10,000', '100,000', '$0', '$500']) assert.ok(tickLabels.includes(t), `missing tick label ${t} in ${tickLabels}`);
  assert.deepEqual(svg.find(hasClass('be-legend-label')).map((e) => e.textContent), ['API', 'Self-hosted, with ops', 'Self-hosted, compute only']);
});

test('renderBreakEvenChart: markers outside the range or absent are not drawn; a degenerate curve still renders', () => {
  const c = seedCurve();
  const none = { ...c, markers: { breakEvenComputeOnly: null, breakEvenWithOps: null, current: 0, breakEvenHostedWithOps: null } };
  const svg = renderBreakEvenChart(none, { width: 400, height: 240, formatUsd, formatCount }) as unknown as FakeElement;
  assert.equal(svg.find(hasClass('be-marker')).length, 0);
  assert.equal(svg.find(hasClass('be-title')).length, 0, 'no title given: none drawn');
  assert.match(svg.getAttribute('aria-label')!, /no with-ops break-even, no compute-only break-even/);
  const empty = renderBreakEvenChart({ ...c, volumes: [], api: [], selfHostedWithOps: [], selfHostedComputeOnly: [], gpus: [] }, { width: 400, height: 240, formatUsd, formatCount }) as unknown as FakeElement;
  assert.equal(empty.find((e) => e.tagName === 'path').length, 0);
  assert.equal(empty.find(hasClass('be-empty'))[0]!.textContent, 'No cost curve to draw');
});

// Three-way: the hosted open model's line (Llama 3.3 70B at Novita, $0.39/$0.39 in the bundled snapshot).
function threeWayCurve(): CostCurve {
  return costCurve(scenarioSchema.parse({
    workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 },
    api: { model: 'claude-sonnet-4-6' },
    selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60, model: 'llama-3.3-70b', throughputTokensPerSecond: 5000 },
  }), { catalog: getSnapshotCatalog() });
}

test('costCurve, three lines: API, hosted open model and self-hosted at every volume, by hand; the hosted break-even', () => {
  const c = threeWayCurve();
  assert.ok(c.hostedOpen);
  assert.equal(c.hostedOpen.length, c.volumes.length);
  c.volumes.forEach((v, i) => {
    close(c.api[i]!, 0.003 * v * 22, 1e-9 * Math.max(1, c.api[i]!));                  // (500 × 3 + 100 × 15) / 1e6
    close(c.hostedOpen![i]!, 0.000234 * v * 22, 1e-9 * Math.max(1, c.hostedOpen![i]!)); // (500 + 100) × 0.39 / 1e6
    close(c.selfHostedWithOps[i]!, 200);                                                 // $20 + 3 h × $60, flat
  });
  close(c.markers.breakEvenHostedWithOps!, 200 / (0.000234 * 22), 1e-6);                 // ≈ 38,850 req/day
  close(c.markers.breakEvenWithOps!, 200 / (0.003 * 22), 1e-6);                          // ≈ 3,030 req/day
  // The range reaches past the hosted break-even, so the crossing is on the chart.
  assert.ok(c.volumes[c.volumes.length - 1]! > c.markers.breakEvenHostedWithOps!);
  // Without a host serving the model there is no third line.
  const two = costCurve(scenarioSchema.parse({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { model: 'claude-sonnet-4-6' }, selfHosted: { fixedMonthlyUsd: 20 } }), { catalog: getSnapshotCatalog(), hostedProviders: ['none'] });
  assert.equal(two.hostedOpen, null);
  assert.equal(two.markers.breakEvenHostedWithOps, null);
});

test('renderBreakEvenChart draws the hosted line, its legend entry and its break-even marker', () => {
  const svg = renderBreakEvenChart(threeWayCurve(), { width: 640, height: 320, formatUsd, formatCount }) as unknown as FakeElement;
  const lines = svg.find((e) => e.tagName === 'path');
  assert.deepEqual(lines.map((p) => p.getAttribute('class')), ['be-line be-line-api', 'be-line be-line-hosted', 'be-line be-line-ops', 'be-line be-line-compute']);
  assert.equal(lines[1]!.children[0]!.textContent, 'Hosted open model: $5.15/month at 1,000 requests/day'); // 0.000234 × 1,000 × 22
  assert.deepEqual(svg.find(hasClass('be-legend-label')).map((e) => e.textContent), ['API', 'Hosted open model', 'Self-hosted, with ops', 'Self-hosted, compute only']);
  assert.equal(svg.find(hasClass('be-marker-hosted')).length, 2, 'marker line group and its label');
  assert.match(svg.getAttribute('aria-label')!, /against the hosted open model, with-ops break-even at 38,850 requests\/day/);
});
