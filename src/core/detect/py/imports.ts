// `import x` / `from mod import name`: SDK modules stay symbolic; workspace modules are parsed and their
// module-level value is used (constants, clients, models), up to MAX_IMPORT_DEPTH files deep.
import type { Tree } from 'web-tree-sitter';
import { SDKS, sdkForModule } from '../sdks';
import { PyFile } from './file';
import { ancestors, dirOf, joinPath } from './paths';
import type { Value } from './value';

const MAX_IMPORT_DEPTH = 3;

export function importValue(f: PyFile, extra: string, _alias: string): Value {
  const sep = extra.indexOf('\u0000');
  if (sep < 0) return { t: 'module', name: extra };
  const mod = extra.slice(0, sep);
  const name = extra.slice(sep + 1);
  const full = mod.startsWith('.') ? `${mod}${mod.endsWith('.') ? '' : '.'}${name}` : `${mod}.${name}`;
  const row = mod.startsWith('.') ? undefined : sdkForModule('py', mod);
  // `agents` is openai-agents' package and a common name for an app's own package: a workspace module wins
  if (row && !(row.localFirst && sibling(f, mod, name))) return { t: 'module', name: full };
  const other = sibling(f, mod, name);
  const v = other ? other.lookupModuleLevel(name) : null;
  if (v?.t === 'str' && (v.src === 'constant' || v.src === 'literal')) return { ...v, src: 'imported' };
  if (v && (v.t === 'module' || v.t === 'client' || v.t === 'lc')) return v;
  // an SDK module re-exported by the app under its own name (`from myapp.llm import litellm`), or a lazy proxy
  // standing in for it (Aider's `litellm = LazyLiteLLM()`): the name is the package's
  if (isSdkPackage(name)) return { t: 'module', name };
  if (v && v.t !== 'unknown') return v;
  return { t: 'module', name: full };
}

/** The workspace file a `from mod import name` refers to, analysed (memoised per file). */
export function sibling(f: PyFile, mod: string, name: string): PyFile | null {
  const ws = f.shared.ctx.ws;
  if (!ws || f.depth >= MAX_IMPORT_DEPTH) return null;
  const dots = /^\.*/.exec(mod)![0].length;
  const rest = mod.slice(dots).split('.').filter(Boolean).join('/');
  const candidates: string[] = [];
  if (dots > 0) {
    let base = dirOf(f.relPath);
    for (let i = 1; i < dots; i++) base = dirOf(base);
    for (const r of rest ? [rest] : [name]) candidates.push(joinPath(base, `${r}.py`), joinPath(base, r, '__init__.py'));
  } else {
    for (const base of [...ancestors(dirOf(f.relPath)), 'src']) candidates.push(joinPath(base, `${rest}.py`), joinPath(base, rest, '__init__.py'));
  }
  for (const c of candidates) {
    if (c === f.relPath) continue;
    if (f.shared.files.has(c)) {
      const known = f.shared.files.get(c);
      if (known) return known;
      continue;
    }
    if (!ws.exists(c)) continue;
    const text = ws.readFile(c);
    const tree: Tree | null = text === null ? null : f.shared.ctx.parseSibling(text);
    const parsed = tree ? new PyFile(c, tree.rootNode, f.shared, f.depth + 1) : null;
    f.shared.files.set(c, parsed);
    if (parsed) return parsed;
  }
  return null;
}

/** `litellm`, `openai`, `anthropic`, ...: a name that is exactly one of the SDK table's top-level Python packages. */
function isSdkPackage(name: string): boolean {
  return SDKS.some((s) => s.sdk !== 'langchain' && (s.packages.py ?? []).includes(name));
}
