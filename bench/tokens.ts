// Tokenizer speed: cold rank load (first count) per encoding, tokens/s on ~1 MiB of mixed English + code,
// cached lookups/s, heap after load; js-tiktoken's own Tiktoken on the same input for comparison; and the size
// of the bundles (the rank data must stay out of them).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import {
  countTokens,
  TokenCountCache,
  TokenCounter,
  setRanksDir,
  unloadEncoders,
  type EncodingName,
} from '../src/core/tokens';

const ROOT = join(__dirname, '..');
const MODEL: Record<EncodingName, string> = { o200k_base: 'gpt-4o', cl100k_base: 'gpt-4' };

function files(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) files(p, ext, out);
    else if (ext.test(name) && s.size < 200_000) out.push(p);
  }
  return out;
}

/** ~1 MiB alternating English prose (package READMEs) and code (TypeScript sources), deterministic. */
function corpus(): string {
  const prose = files(join(ROOT, 'node_modules'), /^README\.md$/i).slice(0, 400);
  const code = files(join(ROOT, 'node_modules', 'typescript', 'lib'), /\.d\.ts$/).concat(files(join(ROOT, 'src'), /\.ts$/));
  let text = '';
  for (let i = 0; text.length < 1 << 20 && (i < prose.length || i < code.length); i++) {
    if (i < prose.length) text += readFileSync(prose[i], 'utf8').slice(0, 8_000);
    if (i < code.length) text += readFileSync(code[i], 'utf8').slice(0, 8_000);
  }
  return text.slice(0, 1 << 20);
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const heap = (): number => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

export async function run(): Promise<void> {
  const distRanks = join(ROOT, 'dist', 'ranks');
  const shipped = existsSync(join(distRanks, 'o200k_base.json'));
  if (shipped) setRanksDir(distRanks);
  console.log(`ranks from ${shipped ? 'dist/ranks/*.json (as shipped)' : 'node_modules/js-tiktoken (run npm run build for the shipped layout)'}`);
  console.log(`heap figures ${(globalThis as { gc?: unknown }).gc ? 'after gc' : 'without forced gc (node --expose-gc for tighter figures)'}`);

  const text = corpus();
  const bytes = Buffer.byteLength(text);
  console.log(`corpus: ${text.length.toLocaleString('en-US')} chars, ${mib(bytes)} UTF-8, mixed README prose + TypeScript`);

  // countTokens uses a fresh, uncached counter: this measures the tokenizer, not the cache
  for (const enc of ['o200k_base', 'cl100k_base'] as const) {
    unloadEncoders();
    const h0 = heap();
    const t0 = performance.now();
    countTokens('warm up the ranks', MODEL[enc]);
    const loadMs = performance.now() - t0;
    const h1 = heap();
    const t1 = performance.now();
    const tokens = countTokens(text, MODEL[enc]).tokens;
    const s1 = (performance.now() - t1) / 1000;
    const t2 = performance.now();
    countTokens(text, MODEL[enc]); // second pass: piece memo warm
    const s2 = (performance.now() - t2) / 1000;
    console.log(
      `${enc}: cold load (first count) ${loadMs.toFixed(0)} ms, heap +${mib(h1 - h0)}; ` +
        `${tokens.toLocaleString('en-US')} tokens in ${s1.toFixed(2)} s = ${Math.round(tokens / s1).toLocaleString('en-US')} tokens/s ` +
        `(again, piece memo warm: ${Math.round(tokens / s2).toLocaleString('en-US')} tokens/s)`,
    );

    // js-tiktoken/lite's own class on the same ranks and text, for comparison only
    const ranksFile = shipped ? join(distRanks, `${enc}.json`) : null;
    const ranks: TiktokenBPE = ranksFile ? JSON.parse(readFileSync(ranksFile, 'utf8')) : createRequire(import.meta.url)(`js-tiktoken/ranks/${enc}`);
    const t3 = performance.now();
    const tiktoken = new Tiktoken(ranks);
    const ctorMs = performance.now() - t3;
    const t4 = performance.now();
    const refTokens = tiktoken.encode(text, [], []).length;
    const s4 = (performance.now() - t4) / 1000;
    console.log(
      `  js-tiktoken/lite Tiktoken: constructor ${ctorMs.toFixed(0)} ms, ${Math.round(refTokens / s4).toLocaleString('en-US')} tokens/s, ` +
        `count ${refTokens === tokens ? 'identical' : `DIFFERS (${refTokens})`}`,
    );
  }

  // Cached lookups: 1,000 distinct prompt-sized strings, each counted 20 times.
  const cached = new TokenCounter(new TokenCountCache(5_000));
  const prompts = Array.from({ length: 1_000 }, (_, i) => text.slice(i * 600, i * 600 + 600));
  for (const p of prompts) cached.countTokens(p, 'gpt-4o');
  const t5 = performance.now();
  let n = 0;
  for (let r = 0; r < 20; r++) for (const p of prompts) n += cached.countTokens(p, r % 2 ? 'gpt-4o' : 'claude-sonnet-4-5').tokens;
  const s5 = (performance.now() - t5) / 1000;
  console.log(`cached lookups (600-char prompts): ${Math.round((20 * prompts.length) / s5).toLocaleString('en-US')} /s (checksum ${n})`);

  for (const f of ['extension.js', 'cli.js']) {
    const p = join(ROOT, 'dist', f);
    if (!existsSync(p)) {
      console.log(`dist/${f}: not built`);
      continue;
    }
    const body = readFileSync(p, 'utf8');
    // A fragment of o200k_base's bpe_ranks; present only if rank data was bundled by mistake.
    const leaked = body.includes('IQ== Ig== Iw== JA==');
    console.log(`dist/${f}: ${(body.length / 1024).toFixed(0)} KiB, rank data inside: ${leaked ? 'YES (bug)' : 'no'}`);
  }
  setRanksDir(null);
}
