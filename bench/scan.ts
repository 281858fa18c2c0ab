// Workspace scan speed: a large generated tree (fixed seed) scanned by `scanWorkspace`, beside ripgrep listing the files
// that mention any SDK on the same tree; and per-document analysis time (`analyzeDocument`) of 2,000-line Python and
// TypeScript files with ~50 LLM calls each, cold (fresh process) and warm. Prints the issue #10 goals as `GOAL` lines:
// cold scan ≤ 12× and warm re-scan ≤ 2× `rg -l` (bench/detect.ts prints the per-file analysis goal).
//
//   npm run build && node --import tsx bench/index.ts scan
//
// Tree: ~4,000 workspace files (Python / TypeScript / JavaScript source, plus Markdown and JSON), ~3 % of the source
// files copied with mutations from the fixtures pinned in bench/scan-fixtures.json (they call LLM SDKs), ~1 % ordinary
// files whose comments say "together" (a prefilter needle: read, then set aside as comment-only); plus node_modules (with SDK packages),
// a .gitignore'd folder and a virtualenv, which both the scan and ripgrep leave out. The tree is a git repository so
// that ripgrep applies .gitignore as it does in a real checkout.
// The cold runs are fresh processes standing for the CLI's cold scan, with the CLI process's V8 setting (src/cli/v8Tuning.ts).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDocument, scanWorkspace } from '../src/core/scan/scan';
import { WorkspaceScanner } from '../src/core/scan/workspaceScanner';
import { setRanksDir } from '../src/core/tokens';
import { defaultWorkerCount } from '../src/core/scan/detectPool';
import { createEngineContext } from '../src/core/engine/context';
import { walkWorkspace } from '../src/core/scan/walk';
import { mightContainLlmCalls } from '../src/core/detect';
import { classifyBytes } from '../src/core/scan/bytePrefilter';
import { readBytes } from '../src/core/scan/reader';
import { readSettings } from '../src/core/settings';
import { mulberry32 as rng } from '../test/unit/helpers/prng';
import { tuneV8ForShortRun } from '../src/cli/v8Tuning';

const SEED = 20240611;
const SOURCE_FILES = 3_600; // plus ~10 % docs/config → ~4,000 workspace files
const LLM_SHARE = 0.03;
const TOGETHER_SHARE = 0.01;
const RG_PATTERN = 'openai|anthropic|google.genai|generativeai|bedrock|litellm|langchain|ollama|mistral|cohere|groq|together|voyage|zhipuai|@ai-sdk|api.openai.com';
const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures');

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Log-normal file size: median ~6 KB, mean ~10 KB, clamped to 300 B … 120 KB (what application repos look like). */
function fileSize(r: Rand): number {
  const u = Math.max(1e-9, r()), v = r();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.round(Math.min(120_000, Math.max(300, 6_000 * Math.exp(z))));
}

const WORDS = ['user', 'order', 'invoice', 'item', 'cart', 'session', 'token', 'report', 'metric', 'event', 'record', 'payload', 'config', 'cache', 'queue', 'job', 'task', 'file', 'path', 'row', 'column', 'page', 'widget', 'price', 'account', 'profile', 'message', 'channel', 'handler', 'route', 'schema', 'field', 'value', 'index', 'batch', 'chunk', 'node', 'tree', 'graph', 'edge'];
const COMMENTS = ['Normalize the input before it reaches the database.', 'Keep this in sync with the API schema.', 'TODO: remove after the migration.', 'Retries are handled by the caller.', 'Returns None when nothing matches.', 'The order of the keys matters for the diff.', 'Cheap path first; the slow path is rare.'];
const TOGETHER = ['Group the rows together before writing them.', 'Join the chunks together into one buffer.'];

const ident = (r: Rand, i: number) => `${pick(r, WORDS)}_${pick(r, WORDS)}_${i}`;
const camel = (r: Rand, i: number) => `${pick(r, WORDS)}${pick(r, WORDS).replace(/^./, (c) => c.toUpperCase())}${i}`;

function pythonBlock(r: Rand, i: number, comment: string): string {
  const a = ident(r, i), b = pick(r, WORDS);
  switch (Math.floor(r() * 4)) {
    case 0: return `class ${camel(r, i).replace(/^./, (c) => c.toUpperCase())}:\n    """${comment}"""\n\n    def __init__(self, ${b}, limit=${i % 50 + 1}):\n        self.${b} = ${b}\n        self.limit = limit\n        self.items: dict[str, list[int]] = {"a": [1, 2, 3], "b": []}\n\n    def total(self) -> int:\n        return sum(v for vs in self.items.values() for v in vs) + len(str(self.${b}))\n\n    def __repr__(self) -> str:\n        return f"<${b} {self.${b}!r} limit={self.limit}>"\n\n`;
    case 1: return `def ${a}(rows, *, key="${b}"):\n    # ${comment}\n    out = []\n    for row in rows:\n        if row.get(key) is None:\n            continue\n        value = str(row[key]).strip().lower()\n        if value and value not in out:\n            out.append(value)\n    return sorted(out)\n\n\n`;
    case 2: return `@app.route("/api/${b}/<int:${b}_id>", methods=["GET", "POST"])\ndef ${a}_view(${b}_id):\n    record = db.session.get(${camel(r, i).replace(/^./, (c) => c.toUpperCase())}, ${b}_id)\n    if record is None:\n        abort(404)\n    logger.info("loaded %s %s", "${b}", ${b}_id)\n    return jsonify(record.to_dict())\n\n\n`;
    default: return `${a.toUpperCase()} = {\n    "name": "${b}",\n    "retries": ${i % 7},\n    "timeout": ${(i % 30) + 5}.0,  # ${comment}\n    "tags": ["${pick(r, WORDS)}", "${pick(r, WORDS)}"],\n}\n\n`;
  }
}

function tsBlock(r: Rand, i: number, comment: string, typed: boolean): string {
  const a = camel(r, i), b = pick(r, WORDS);
  const T = (t: string) => (typed ? `: ${t}` : '');
  switch (Math.floor(r() * 4)) {
    case 0: return `export class ${a.replace(/^./, (c) => c.toUpperCase())} {\n  // ${comment}\n  private readonly items${T('Map<string, number[]>')} = new Map();\n  constructor(private ${b}${T('string')}, private limit${T('number')} = ${i % 50 + 1}) {}\n  add(key${T('string')}, value${T('number')})${T('void')} {\n    const list = this.items.get(key) ?? [];\n    list.push(value);\n    this.items.set(key, list.slice(-this.limit));\n  }\n  total()${T('number')} {\n    let sum = 0;\n    for (const vs of this.items.values()) for (const v of vs) sum += v;\n    return sum;\n  }\n}\n\n`;
    case 1: return `export function ${a}(rows${T(`Array<Record<string, unknown>>`)}, key = "${b}")${T('string[]')} {\n  /* ${comment} */\n  const out = new Set${typed ? '<string>' : ''}();\n  for (const row of rows) {\n    const v = row[key];\n    if (v === undefined || v === null) continue;\n    out.add(String(v).trim().toLowerCase());\n  }\n  return [...out].sort();\n}\n\n`;
    case 2: return `router.get("/api/${b}/:id", async (req${T('Request')}, res${T('Response')}) => {\n  const record = await db.${b}.findUnique({ where: { id: Number(req.params.id) } });\n  if (!record) return res.status(404).json({ error: "not found" });\n  logger.info(\`loaded ${b} \${req.params.id}\`);\n  res.json(record);\n});\n\n`;
    default: return `export const ${a.toUpperCase()} = {\n  name: "${b}",\n  retries: ${i % 7},\n  timeoutMs: ${(i % 30) * 100 + 500}, // ${comment}\n  tags: ["${pick(r, WORDS)}", "${pick(r, WORDS)}"],\n} as const;\n\n`.replace(' as const', typed ? ' as const' : '');
  }
}

const HEADERS: Record<string, string> = {
  py: 'import json\nimport logging\nimport os\nfrom dataclasses import dataclass\nfrom typing import Any\n\nlogger = logging.getLogger(__name__)\n\n\n',
  ts: 'import { Router, type Request, type Response } from "express";\nimport { db } from "../db";\nimport { logger } from "../log";\n\nconst router = Router();\n\n',
  tsx: 'import React, { useState } from "react";\nimport { db } from "../db";\n\n',
  js: 'const express = require("express");\nconst { db } = require("../db");\nconst logger = require("../log");\n\nconst router = express.Router();\n\n',
};

function plainSource(r: Rand, ext: string, size: number, together: boolean): string {
  const py = ext === 'py';
  const typed = ext === 'ts' || ext === 'tsx';
  let out = HEADERS[ext === 'jsx' || ext === 'mjs' ? 'js' : ext] ?? HEADERS.js!;
  let i = 0;
  while (out.length < size) {
    const comment = together && i === 3 ? pick(r, TOGETHER) : pick(r, COMMENTS);
    out += py ? pythonBlock(r, i, comment) : tsBlock(r, i, comment, typed);
    i++;
  }
  return out;
}

/** The pinned fixture list (bench/scan-fixtures.json), as paths; a listed file that is gone is an error naming it. */
function benchFixtures(): { py: string[]; ts: string[]; js: string[] } {
  const list = JSON.parse(fs.readFileSync(path.join(__dirname, 'scan-fixtures.json'), 'utf8')) as { py: string[]; ts: string[]; js: string[] };
  const abs = (names: string[]) => names.map((n) => {
    const p = path.join(FIXTURES, n);
    if (!fs.existsSync(p)) throw new Error(`bench/scan-fixtures.json: ${n} is not in test/fixtures (update the list, and say the tree changed)`);
    return p;
  });
  return { py: abs(list.py), ts: abs(list.ts), js: abs(list.js) };
}

const MODEL_SWAPS: [RegExp, string[]][] = [
  [/gpt-4o-mini/g, ['gpt-4o-mini', 'gpt-4.1-mini', 'gpt-4.1-nano']],
  [/claude-sonnet-4-5/g, ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1']],
];

/** A fixture file with mutations: other models, extra ordinary code before and after, a renamed module. */
function mutateFixture(r: Rand, text: string, ext: string): string {
  let t = text;
  for (const [re, alts] of MODEL_SWAPS) t = t.replace(re, () => pick(r, alts));
  const py = ext === 'py';
  const typed = ext === 'ts' || ext === 'tsx';
  let tail = '\n\n';
  const extra = fileSize(r) / 2;
  for (let i = 0; tail.length < extra; i++) tail += py ? pythonBlock(r, 1000 + i, pick(r, COMMENTS)) : tsBlock(r, 1000 + i, pick(r, COMMENTS), typed);
  return t + tail;
}

interface Tree { dir: string; workspaceFiles: number; workspaceBytes: number; llmFiles: number; ignoredFiles: number; ignoredBytes: number }

export function generateTree(seed: number): Tree {
  const r = rng(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-scan-bench-'));
  const fixtures = benchFixtures();
  let workspaceFiles = 0, workspaceBytes = 0, llmFiles = 0, ignoredFiles = 0, ignoredBytes = 0;
  const write = (rel: string, text: string, ignored = false) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    if (ignored) {
      ignoredFiles++;
      ignoredBytes += Buffer.byteLength(text);
    } else {
      workspaceFiles++;
      workspaceBytes += Buffer.byteLength(text);
    }
  };
  const pkgs = ['api', 'core', 'billing', 'search', 'admin', 'worker', 'web', 'shared'];
  const folder = (i: number) => `${pick(r, pkgs)}/${pick(r, WORDS)}${i % 9 ? '' : `/${pick(r, WORDS)}`}`;
  for (let i = 0; i < SOURCE_FILES; i++) {
    const x = r();
    const ext = x < 0.45 ? 'py' : x < 0.75 ? 'ts' : x < 0.82 ? 'tsx' : x < 0.97 ? 'js' : 'mjs';
    const rel = `src/${folder(i)}/${pick(r, WORDS)}_${i}.${ext}`;
    const y = r();
    if (y < LLM_SHARE) {
      const pool = ext === 'py' ? fixtures.py : ext === 'ts' || ext === 'tsx' ? fixtures.ts : fixtures.js;
      const src = pick(r, pool);
      const srcExt = path.extname(src).slice(1);
      write(rel.replace(/\.\w+$/, `.${srcExt}`), mutateFixture(r, fs.readFileSync(src, 'utf8'), srcExt));
      llmFiles++;
    } else {
      write(rel, plainSource(r, ext, fileSize(r), y < LLM_SHARE + TOGETHER_SHARE));
    }
  }
  // Docs and config (not scanned; ripgrep reads them).
  for (let i = 0; i < SOURCE_FILES / 10; i++) {
    const md = r() < 0.6;
    const body = md ? `# ${pick(r, WORDS)} ${i}\n\n${Array.from({ length: 20 + Math.floor(r() * 80) }, () => pick(r, COMMENTS)).join(' ')}\n` : JSON.stringify({ name: pick(r, WORDS), version: `1.${i}.0`, items: Array.from({ length: 50 + Math.floor(r() * 300) }, (_, k) => ({ id: k, w: pick(r, WORDS) })) }, null, 2);
    write(`${md ? 'docs' : 'config'}/${pick(r, WORDS)}_${i}.${md ? 'md' : 'json'}`, body);
  }
  write('.gitignore', 'node_modules/\n.venv/\ngenerated/\n*.log\n');
  // node_modules: SDK packages (mention the SDK everywhere) and ordinary dependencies.
  for (let i = 0; i < 1_200; i++) {
    const sdk = i < 400 ? pick(r, ['openai', '@anthropic-ai/sdk', '@langchain/core', 'ai', '@ai-sdk/openai']) : `${pick(r, WORDS)}-${pick(r, WORDS)}`;
    const text = i < 400 ? `// ${sdk}\nexport class OpenAI { chat = { completions: { create: async (p) => fetch("https://api.openai.com/v1/chat/completions", { body: JSON.stringify(p) }) } }; }\n` + plainSource(r, 'js', fileSize(r), false) : plainSource(r, 'js', fileSize(r), false);
    write(`node_modules/${sdk}/dist/${pick(r, WORDS)}_${i}.js`, text, true);
  }
  // .gitignore'd output and a virtualenv.
  for (let i = 0; i < 300; i++) write(`generated/${pick(r, WORDS)}_${i}.py`, (i % 3 === 0 ? 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[])\n' : '') + plainSource(r, 'py', fileSize(r), false), true);
  write('.venv/pyvenv.cfg', 'home = /usr/bin\n', true);
  for (let i = 0; i < 200; i++) write(`.venv/lib/python3.12/site-packages/openai/resources/m_${i}.py`, 'from openai._client import OpenAI\n' + plainSource(r, 'py', fileSize(r), false), true);
  spawnSync('git', ['init', '-q', dir]);
  return { dir, workspaceFiles, workspaceBytes, llmFiles, ignoredFiles, ignoredBytes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const mb = (bytes: number) => bytes / 1024 / 1024;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

// ---------------------------------------------------------------------------------------------------------------
// Per-document: 2,000-line files with ~50 LLM calls.

const PY_LLM = [
  (i: number) => `def ask_${i}(q):\n    # llm-cost: ${i * 10}/day\n    return client.chat.completions.create(\n        model=MODEL,\n        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"Q${i}: {q}"}],\n        max_tokens=200,\n    )\n`,
  (i: number) => `async def claude_${i}(q):\n    msg = await aclaude.messages.create(model="claude-sonnet-4-5", max_tokens=512, system=SYSTEM, messages=[{"role": "user", "content": q}])\n    return msg.content[0].text\n`,
  (i: number) => `def summarize_${i}(text):\n    return chain.invoke({"text": text})\n`,
  (i: number) => `def embed_${i}(docs):\n    return client.embeddings.create(model="text-embedding-3-small", input=docs)\n`,
  (i: number) => `class Agent${i}:\n    def __init__(self):\n        self._client = OpenAI()\n\n    def run(self, q):\n        stream = self._client.responses.create(model="gpt-4.1-mini", input=q, stream=True)\n        return [e for e in stream]\n`,
];
const TS_LLM = [
  (i: number) => `export async function ask${i}(q: string) {\n  // llm-cost: ${i * 10}/day\n  const r = await client.chat.completions.create({\n    model: MODEL,\n    messages: [{ role: "system", content: SYSTEM }, { role: "user", content: \`Q${i}: \${q}\` }],\n    max_tokens: 200,\n  });\n  return r.choices[0]?.message.content ?? "";\n}\n`,
  (i: number) => `export async function claude${i}(q: string) {\n  const msg = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, system: SYSTEM, messages: [{ role: "user", content: q }] });\n  return msg.content;\n}\n`,
  (i: number) => `export async function title${i}(text: string) {\n  const { text: out } = await generateText({ model: openai("gpt-4o-mini"), prompt: \`Title for: \${text}\`, maxOutputTokens: 30 });\n  return out;\n}\n`,
  (i: number) => `export async function embed${i}(docs: string[]) {\n  return client.embeddings.create({ model: "text-embedding-3-small", input: docs });\n}\n`,
  (i: number) => `export class Agent${i} {\n  private readonly client = new OpenAI();\n  async run(q: string) {\n    const stream = await this.client.chat.completions.create({ model: "gpt-4.1-mini", messages: [{ role: "user", content: q }], stream: true });\n    for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? "");\n  }\n}\n`,
];
const PY_HEAD = 'import os\nimport logging\nfrom openai import OpenAI\nfrom anthropic import AsyncAnthropic\nfrom langchain_openai import ChatOpenAI\nfrom langchain_core.prompts import ChatPromptTemplate\n\nlogger = logging.getLogger(__name__)\nclient = OpenAI()\naclaude = AsyncAnthropic()\nMODEL = os.getenv("MODEL", "gpt-4o-mini")\nSYSTEM = "You are a helpful assistant."\nchain = ChatPromptTemplate.from_template("Summarize {text}") | ChatOpenAI(model="gpt-4o", max_tokens=300)\n\n\n';
const TS_HEAD = 'import OpenAI from "openai";\nimport Anthropic from "@anthropic-ai/sdk";\nimport { generateText } from "ai";\nimport { openai } from "@ai-sdk/openai";\n\nconst client = new OpenAI();\nconst anthropic = new Anthropic();\nconst MODEL = process.env.MODEL ?? "gpt-4o-mini";\nconst SYSTEM = "You are a helpful assistant.";\n\n';

export function generateDocument(lang: 'py' | 'ts', seed: number, lines = 2_000, calls = 50): string {
  const r = rng(seed);
  const llm = lang === 'py' ? PY_LLM : TS_LLM;
  let out = lang === 'py' ? PY_HEAD : TS_HEAD;
  let n = out.split('\n').length - 1, k = 0, i = 0;
  const every = Math.floor(lines / calls);
  while (n < lines - 10) {
    const block = n >= (k + 0.5) * every && k < calls ? llm[k % llm.length]!(k++) + '\n' : lang === 'py' ? pythonBlock(r, i++, pick(r, COMMENTS)) : tsBlock(r, i++, pick(r, COMMENTS), true);
    out += block;
    n += block.split('\n').length - 1;
  }
  return out;
}

async function coldChild(lang: 'py' | 'ts', seed: number): Promise<void> {
  const text = generateDocument(lang, seed);
  const settings = readSettings({});
  const engine = createEngineContext();
  const t0 = performance.now();
  const r = await analyzeDocument(engine, `bench/doc.${lang}`, text, settings);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, calls: r.callSites.length, skipped: r.skipped }));
}

async function documentBench(lang: 'py' | 'ts', runs: number): Promise<void> {
  const cold: number[] = [];
  let calls = -1, overBudget = 0;
  for (let k = 0; k < runs; k++) {
    const c = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--cold-child', lang, String(100 + k)], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`cold child failed: ${c.stderr}`);
    const out = JSON.parse(c.stdout) as { ms: number; calls: number; skipped: string | null };
    // a loaded machine can push a fresh process past the per-file budget: counted, not fatal for the other figures
    if (out.skipped) {
      overBudget++;
      continue;
    }
    cold.push(out.ms);
    calls = out.calls;
  }
  const settings = readSettings({});
  const engine = createEngineContext();
  await analyzeDocument(engine, `bench/warmup.${lang}`, generateDocument(lang, 1), settings);
  const warm: number[] = [];
  let bytes = 0;
  for (let k = 0; k < runs; k++) {
    const text = generateDocument(lang, 100 + k); // the same documents the cold children analysed, one each
    bytes += text.length;
    const t0 = performance.now();
    const r = await analyzeDocument(engine, `bench/doc.${lang}`, text, settings);
    warm.push(performance.now() - t0);
    if (r.skipped) throw new Error(`skipped: ${r.skipped}`);
  }
  const sample = generateDocument(lang, 100);
  console.log(`${lang === 'py' ? 'Python' : 'TypeScript'}: ${sample.split('\n').length - 1}-line document, ${(sample.length / 1024).toFixed(0)} KiB, ${calls} call sites found`);
  console.log(`  cold (fresh process: wasm + grammar + tokenizer load, parse, analysis, costing): ${cold.length ? `p50 ${ms(pct(cold, 50))}, p95 ${ms(pct(cold, 95))}` : '—'} (n=${cold.length}${overBudget ? `; ${overBudget} over the per-file time budget` : ''})`);
  console.log(`  warm (same process, a new document each run):                               p50 ${ms(pct(warm, 50))}, p95 ${ms(pct(warm, 95))} (n=${warm.length}, ${(mb(bytes) / (warm.reduce((a, b) => a + b, 0) / 1000)).toFixed(2)} MB/s)`);
}

// ---------------------------------------------------------------------------------------------------------------

function rgAvailable(): boolean {
  return spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
}

function timeRg(dir: string): { ms: number; files: number } {
  const t0 = performance.now();
  const r = spawnSync('rg', ['-l', '-i', '-e', RG_PATTERN, '.'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  const elapsed = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`rg failed: ${r.stderr}`);
  return { ms: elapsed, files: r.stdout.split('\n').filter(Boolean).length };
}

const COLD_RUNS = 5;

export async function run(): Promise<void> {
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`machine: ${os.cpus().length} cores, load average ${load}${os.loadavg()[0]! > os.cpus().length ? ' — busy: timings below are inflated' : ''}; node ${process.version}`);
  const t0 = performance.now();
  const tree = generateTree(SEED);
  console.log(`tree (seed ${SEED}): ${tree.workspaceFiles.toLocaleString('en-US')} workspace files, ${mb(tree.workspaceBytes).toFixed(1)} MB; ${tree.llmFiles} copied from fixtures (LLM calls); ` +
    `+ ${tree.ignoredFiles.toLocaleString('en-US')} files, ${mb(tree.ignoredBytes).toFixed(1)} MB in node_modules / .gitignore'd / .venv — generated in ${ms(performance.now() - t0)}`);
  try {
    // What the scan reads: the walk's files, and how many pass the text prefilter.
    const tw = performance.now();
    const walked = walkWorkspace(tree.dir);
    const walkMs = performance.now() - tw;
    let scanBytes = 0, prefiltered = 0, bytePassed = 0;
    const tb = performance.now();
    for (const f of walked.files) {
      const bytes = readBytes(path.join(tree.dir, f))!;
      scanBytes += bytes.length;
      if (classifyBytes(bytes, f).skip === null) bytePassed++;
    }
    const byteMs = performance.now() - tb;
    const tp = performance.now();
    for (const f of walked.files) if (mightContainLlmCalls(fs.readFileSync(path.join(tree.dir, f), 'utf8'))) prefiltered++;
    const readMs = performance.now() - tp;
    console.log(`walk: ${walked.files.length.toLocaleString('en-US')} source files (${mb(scanBytes).toFixed(1)} MB), ${walked.skipped.length} skips, ${ms(walkMs)}; ` +
      `read + prefilter on bytes (the scan's): ${ms(byteMs)}, ${bytePassed} files pass and are decoded and parsed; decoded first (as before): ${ms(readMs)}, ${prefiltered} pass`);

    // The issue #10 goals are ratios to `rg -l` on the same tree, each scan timed right after its ripgrep figure
    // (the machine may be shared: a ratio of neighbours, repeated, median taken). Cold = a fresh process's first scan
    // (grammars, tokenizer ranks, every prefiltered file parsed); warm = the same process scanning the unchanged tree again.
    const rg = rgAvailable() ? () => median(Array.from({ length: 3 }, () => timeRg(tree.dir).ms)) : null;
    if (rg) timeRg(tree.dir); // page cache and rg's own start-up, once
    const cold: ColdRun[] = [];
    let sites = 0;
    // Five cold runs: on a shared 2-core VM a single run's ratio moves by ±10 % (the host's other load slows the
    // CPU-bound scan more than the short ripgrep run); the median of three still swung by ~1×.
    for (let k = 0; k < COLD_RUNS; k++) {
      const rgMs = rg ? rg() : NaN;
      const c = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--cold-scan-child', tree.dir], { encoding: 'utf8' });
      if (c.status !== 0) throw new Error(`cold scan child failed: ${c.stderr}`);
      const out = JSON.parse(c.stdout) as ColdRun & { sites: number };
      cold.push({ ...out, rg: rgMs });
      sites = out.sites;
    }
    // The whole CLI process as a user runs it (node start-up, bundle load, the scan, the JSON written), for reference.
    const cli = path.join(__dirname, '..', 'dist', 'cli.js');
    const cliRuns: { ms: number; rg: number }[] = [];
    if (fs.existsSync(cli)) {
      for (let k = 0; k < 3; k++) {
        const rgMs = rg ? rg() : NaN;
        const t = performance.now();
        const c = spawnSync(process.execPath, [cli, 'scan', tree.dir, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
        if (c.status !== 0) throw new Error(`cli scan failed: ${c.stderr}`);
        cliRuns.push({ ms: performance.now() - t, rg: rgMs });
      }
    }
    // One engine context for the in-process scans, as one editor window keeps it: the re-scans are warm.
    const engine = createEngineContext();
    const first = performance.now();
    const res = await scanWorkspace(tree.dir, { engine, ...shippedWorker() });
    const firstMs = performance.now() - first;
    const warm: { ms: number; rg: number }[] = [];
    for (let k = 0; k < 5; k++) {
      const rgMs = rg ? rg() : NaN;
      const ts = performance.now();
      await scanWorkspace(tree.dir, { engine });
      warm.push({ ms: performance.now() - ts, rg: rgMs });
    }
    const coldMs = median(cold.map((x) => x.ms)), warmMs = median(warm.map((x) => x.ms));
    const rate = (t: number) => `${Math.round(walked.files.length / (t / 1000)).toLocaleString('en-US')} files/s, ${(mb(scanBytes) / (t / 1000)).toFixed(1)} MB/s`;
    console.log(`scanWorkspace: ${sites} call sites (in-process: ${res.callSites.length}), ${res.skipped.length} skipped entries`);
    console.log(`  cold (fresh process, median of ${cold.length}):        ${ms(coldMs)} — ${rate(coldMs)}  [${cold.map((x) => Math.round(x.ms)).join(', ')} ms]`);
    // CPU time does not depend on what else the machine runs as much as wall time does: all threads, and the main
    // thread alone (the scan's critical path when the workers have cores of their own).
    console.log(`    CPU: all threads ${cold.map((x) => Math.round(x.cpuMs)).join(', ')} ms; main thread ${cold.map((x) => (x.mainCpuMs === null ? '—' : Math.round(x.mainCpuMs))).join(', ')} ms; ` +
      `${cold[0]!.inWorkers} of ${cold[0]!.analysed} files detected in ${cold[0]!.workers ?? 'no'} worker threads (${cold[0]!.workerScript ?? 'no bundled worker: run npm run build'}); ` +
      `V8: ${cold[0]!.v8Flag ?? 'defaults'}, as the CLI process (src/cli/v8Tuning.ts)`);
    if (cliRuns.length) console.log(`  whole CLI process (\`node dist/cli.js scan DIR --json\`, median of ${cliRuns.length}): ${ms(median(cliRuns.map((x) => x.ms)))}  [${cliRuns.map((x) => Math.round(x.ms)).join(', ')} ms; / rg -l: ${cliRuns.map((x) => (x.ms / x.rg).toFixed(1)).join(', ')}]`);
    console.log(`  first scan in this process (after the imports):  ${ms(firstMs)}`);
    console.log(`  warm re-scan (median of ${warm.length}):                  ${ms(warmMs)} — ${rate(warmMs)}`);
    if (!rg) {
      console.log('ripgrep: not installed — goals not measured (install: `apt-get install -y ripgrep`, `brew install ripgrep` or `cargo install ripgrep`)');
    } else {
      const version = spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
      const rgMs = median([...cold, ...warm].map((x) => x.rg));
      console.log(`ripgrep (${version}) \`rg -l -i -e '<SDK names>'\`, default ignores: ${timeRg(tree.dir).files} files listed, median ${ms(rgMs)} — ` +
        `${(mb(tree.workspaceBytes) / (rgMs / 1000)).toFixed(0)} MB/s of workspace text`);
      const coldRatio = median(cold.map((x) => x.ms / x.rg));
      const warmRatio = median(warm.map((x) => x.ms / x.rg));
      const goal = (r: number, g: number) => `${r.toFixed(2)}× (goal ≤ ${g}×) — ${r <= g ? 'met' : 'NOT met'}`;
      console.log(`GOAL cold scan / rg -l:     ${goal(coldRatio, 12)}  [per run: ${cold.map((x) => (x.ms / x.rg).toFixed(1)).join(', ')}]`);
      console.log(`GOAL warm re-scan / rg -l:  ${goal(warmRatio, 2)}  [per run: ${warm.map((x) => (x.ms / x.rg).toFixed(1)).join(', ')}]`);
    }
    const mem = process.memoryUsage();
    console.log(`heap used after the scans: ${mb(mem.heapUsed).toFixed(0)} MB (rss ${mb(mem.rss).toFixed(0)} MB)`);
  } finally {
    fs.rmSync(tree.dir, { recursive: true, force: true });
  }

  for (const lang of ['py', 'ts'] as const) await documentBench(lang, 20);
  const mem = process.memoryUsage();
  console.log(`heap used at the end: ${mb(mem.heapUsed).toFixed(0)} MB (rss ${mb(mem.rss).toFixed(0)} MB)`);
}

/** The bundled worker entry (dist/scanWorker.js) when built: a tsx process would otherwise start TypeScript workers. */
function shippedWorker(): { parallel?: { script: string } } {
  const script = path.join(__dirname, '..', 'dist', 'scanWorker.js');
  return fs.existsSync(script) ? { parallel: { script } } : {};
}

interface ColdRun { ms: number; rg: number; cpuMs: number; mainCpuMs: number | null; analysed: number; inWorkers: number; workers: number | null; workerScript: string | null; v8Flag: string | null }

/** CPU time of this process's main thread (Linux: /proc), ms; null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // utime + stime in clock ticks (USER_HZ 100)
  } catch {
    return null;
  }
}

const scanChildAt = process.argv.indexOf('--cold-scan-child');
if (scanChildAt > 0) {
  const dir = process.argv[scanChildAt + 1]!;
  void (async () => {
    // The shipped code paths where this tsx process would take the sources' fallbacks: the bundled worker entry
    // and the build's rank files (dist/ranks, with their binary tables).
    const dist = path.join(__dirname, '..', 'dist');
    const workerScript = shippedWorker().parallel?.script ?? null;
    if (fs.existsSync(path.join(dist, 'ranks'))) setRanksDir(path.join(dist, 'ranks'));
    // This child stands for the CLI's cold scan (a fresh process): it runs with the CLI process's V8 setting.
    const v8Flag = tuneV8ForShortRun();
    const c0 = process.cpuUsage();
    const m0 = mainThreadCpuMs();
    const t0 = performance.now();
    const scanner = new WorkspaceScanner(dir, workerScript ? { parallel: { script: workerScript } } : {});
    const pass = await scanner.scan();
    const r = scanner.result();
    const elapsed = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const m1 = mainThreadCpuMs();
    const run: Omit<ColdRun, 'rg'> & { sites: number } = {
      ms: elapsed, cpuMs: (cpu.user + cpu.system) / 1000, mainCpuMs: m0 === null || m1 === null ? null : m1 - m0,
      analysed: pass.analysed, inWorkers: pass.inWorkers ?? 0, workers: pass.inWorkers ? defaultWorkerCount() : null, workerScript: workerScript && path.relative(process.cwd(), workerScript), v8Flag, sites: r.callSites.length,
    };
    process.stdout.write(JSON.stringify(run));
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
const childAt = process.argv.indexOf('--cold-child');
if (childAt > 0) {
  void coldChild(process.argv[childAt + 1] as 'py' | 'ts', Number(process.argv[childAt + 2])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
