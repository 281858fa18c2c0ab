// Hostile workspace files (issue #17): the audit's reproducers as generators, plus a seeded fuzz corpus mixing
// them at random sizes. Shared by the unit tests (which assert the scan completes and skips or costs each file)
// and `npm run bench -- hostile` (which prints the per-file worst time).
import { mulberry32 } from './prng';

const OPENAI_TS = "import OpenAI from 'openai';\nconst client = new OpenAI();\n";
const OPENAI_PY = 'from openai import OpenAI\nclient = OpenAI()\n';

/** Prompt file whose front matter nests `depth` mappings. */
export function deepFrontMatter(depth: number): string {
  const lines = ['---', 'model: gpt-4o'];
  for (let i = 0; i < depth; i++) lines.push(`${' '.repeat(i)}k${i}:`);
  lines.push(`${' '.repeat(depth)}leaf: 1`, '---', 'system:', 'You are terse.', '', 'user:', '{{question}}');
  return lines.join('\n') + '\n';
}

/** Prompt file whose front matter nests `depth` one-line flow mappings `{a: {a: … }}`. */
export function deepFlowFrontMatter(depth: number): string {
  return `---\nmodel: gpt-4o\nx: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n---\nsystem:\nYou are terse.\n`;
}

/** TS call whose prompt is a concatenation of `terms` string literals. */
export function tsConcat(terms: number, word = 'hello world '): string {
  const parts = Array.from({ length: terms }, (_, i) => `'${word}${i} '`).join(' +\n  ');
  return `${OPENAI_TS}const prompt = ${parts};\nawait client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });\n`;
}

/** Python call whose prompt is a concatenation of `terms` string literals. */
export function pyConcat(terms: number, word = 'hello world '): string {
  const parts = Array.from({ length: terms }, (_, i) => `"${word}${i} "`).join(' +\n    ');
  return `${OPENAI_PY}prompt = (${parts})\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])\n`;
}

/** TS file with `depth` nested arrow functions around one call. */
export function tsNestedArrows(depth: number): string {
  return `${OPENAI_TS}const f = ${'() =>\n'.repeat(depth)}client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`;
}

/** Python file with `f(f(…))` nested `depth` deep next to one call. */
export function pyNestedCalls(depth: number): string {
  return `${OPENAI_PY}x = ${'f(\n'.repeat(depth)}1${')\n'.repeat(depth)}\nclient.chat.completions.create(model="gpt-4o", messages=[])\n`;
}

/** Python file with `depth` nested lists. */
export function pyNestedLists(depth: number): string {
  return `${OPENAI_PY}x = ${'[\n'.repeat(depth)}${']\n'.repeat(depth)}\nclient.chat.completions.create(model="gpt-4o", messages=[])\n`;
}

/** Dotprompt file with `count` `{{p}}` placeholders on one line. */
export function manyPlaceholders(count: number, name = 'p'): string {
  return `---\nmodel: gpt-4o\n---\n${`{{${name}}} `.repeat(count)}\n`;
}

/** A notebook (one JSON line) whose single cell calls OpenAI with a long concatenation. */
export function oneLineNotebook(terms: number): string {
  const source = `${OPENAI_PY}prompt = ${Array.from({ length: terms }, (_, i) => `"w${i} "`).join(' + ')}\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])\n`;
  return JSON.stringify({ cells: [{ cell_type: 'code', source, metadata: {}, outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
}

export interface HostileFile { path: string; text: string; kind: string }

/**
 * `count` hostile files from `seed`: each one of the generators above at a random size (up to `scale` × the
 * audit's sizes; 1 = the audit's), so a failure names a seed and an index that reproduce it.
 */
export function hostileCorpus(seed: number, count: number, scale = 1): HostileFile[] {
  const r = mulberry32(seed);
  const size = (max: number) => Math.max(1, Math.floor(r() * max * scale));
  const kinds: [string, string, (n: number) => string, number][] = [
    ['front-matter', 'prompty', deepFrontMatter, 1_000],
    ['flow-front-matter', 'prompt', deepFlowFrontMatter, 5_000],
    ['ts-concat', 'ts', (n) => tsConcat(n), 2_000],
    ['py-concat', 'py', (n) => pyConcat(n), 20_000],
    ['ts-arrows', 'ts', tsNestedArrows, 20_000],
    ['py-calls', 'py', pyNestedCalls, 50_000],
    ['py-lists', 'py', pyNestedLists, 50_000],
    ['placeholders', 'prompt', (n) => manyPlaceholders(n), 50_000],
    ['notebook', 'ipynb', oneLineNotebook, 5_000],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [kind, ext, gen, max] = kinds[Math.floor(r() * kinds.length)]!;
    return { kind, path: `h${i}-${kind}.${ext}`, text: gen(size(max)) };
  });
}
