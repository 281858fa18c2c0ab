// Usage import at scale: 1,000,000 OpenTelemetry GenAI spans (fixed seed), once as JSON Lines (one span per line)
// and once as a single OTLP JSON document (resourceSpans → scopeSpans → spans, read through the streaming
// splitter). Each file is read in a fresh process; the figures are wall and CPU time, spans per CPU-second, and memory: the
// process's resident set before reading and at its peak, and the peak JS heap while reading. Memory stays bounded
// when the peak does not grow with the file (compare with the file size).
//
//   npm run build && node --import tsx bench/index.ts usage
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../test/unit/helpers/prng';

const SPANS = Number(process.env.USAGE_BENCH_SPANS ?? 1_000_000);
const T0 = Date.UTC(2025, 2, 1);
const SITES = [
  { file: '/srv/app/app/bot.py', line: 11, fn: 'app.bot.Bot.reply', model: 'gpt-4o' },
  { file: '/srv/app/app/bot.py', line: 21, fn: 'app.bot.summarize', model: 'gpt-4o-mini' },
  { file: null, line: null, fn: null, model: 'gpt-4o-mini-2024-07-18' },
  { file: '/srv/app/app/agents.py', line: 88, fn: 'app.agents.plan', model: 'claude-sonnet-4-5-20250929' },
];

function span(i: number, rand: () => number): string {
  const s = SITES[i % SITES.length]!;
  const start = BigInt(T0 + Math.floor((i / SPANS) * 30 * 86_400_000)) * 1_000_000n;
  const attrs = [
    ['gen_ai.operation.name', { stringValue: 'chat' }],
    ['gen_ai.request.model', { stringValue: s.model }],
    ['gen_ai.usage.input_tokens', { intValue: String(200 + Math.floor(rand() * 3000)) }],
    ['gen_ai.usage.output_tokens', { intValue: String(20 + Math.floor(rand() * 600)) }],
    ...(s.file ? [['code.file.path', { stringValue: s.file }], ['code.line.number', { intValue: String(s.line) }], ['code.function.name', { stringValue: s.fn }]] : []),
  ].map(([key, value]) => ({ key, value }));
  return JSON.stringify({ traceId: (i * 2654435761 >>> 0).toString(16).padStart(32, '0'), spanId: i.toString(16).padStart(16, '0'), name: `chat ${s.model}`, kind: 3, startTimeUnixNano: String(start), endTimeUnixNano: String(start + 1_500_000_000n), attributes: attrs, status: {} });
}

function write(path: string, document: boolean): void {
  const fd = openSync(path, 'w');
  const rand = mulberry32(16);
  let buf: string[] = [];
  const flush = () => {
    writeSync(fd, buf.join(''));
    buf = [];
  };
  if (document) buf.push('{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"bench"}}]},"scopeSpans":[{"scope":{"name":"bench"},"spans":[\n');
  for (let i = 0; i < SPANS; i++) {
    buf.push(document ? (i ? ',\n' : '') + span(i, rand) : span(i, rand) + '\n');
    if (buf.length >= 10_000) flush();
  }
  if (document) buf.push('\n]}]}]}\n');
  flush();
  closeSync(fd);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-cost-lens-usage-bench-'));
  try {
    for (const [name, document] of [['spans.jsonl', false], ['otlp-document.json', true]] as const) {
      const file = join(dir, name);
      write(file, document);
      const size = statSync(file).size;
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'usage', 'child.ts'), file], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(child.stderr);
      const r = JSON.parse(child.stdout) as { ms: number; cpuMs: number; records: number; errors: number; groups: number; rssBeforeMB: number; maxRssMB: number; heapPeakMB: number };
      console.log(`${name}: ${(size / 2 ** 20).toFixed(0)} MB, ${r.records.toLocaleString('en-US')} spans (${r.errors} errors, ${r.groups} groups) in ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU = ${Math.round(r.records / (r.cpuMs / 1000)).toLocaleString('en-US')} spans per CPU-second; ` +
        `RSS ${r.rssBeforeMB.toFixed(0)} MB before, peak ${r.maxRssMB.toFixed(0)} MB; peak heap ${r.heapPeakMB.toFixed(0)} MB`);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
