// A request whose receiver is not resolved but whose shape is unmistakable (receivers.ts INFERRED_RECEIVERS):
// `client.chat.completions.create(model=…, messages=…)` where `client` came from a factory in another package or
// an untyped parameter. The receiver must be unknown: a value that resolves to anything else is not an SDK client.
import type { Node } from 'web-tree-sitter';
import type { DetectedCall } from '../types';
import { SDKS, findMethod, sdkForModule } from '../sdks';
import { CREWBASE_RUN, INFERRED_FACTOR, INFERRED_RECEIVERS, inferredReason } from '../receivers';
import { isSelf, type PyFile } from './file';
import { args } from './calls';
import { passedValues } from './callers';


/** The table's method names, to skip every other call with one look at its attribute. */
const LAST_NAMES = new Set(INFERRED_RECEIVERS.flatMap((r) => r.paths.map((p) => p.slice(p.lastIndexOf('.') + 1))));

export function inferredSite(f: PyFile, call: Node, fn: Node, build: typeof import('./sites').sdkSite): DetectedCall | null {
  const last = f.attr(fn).name;
  if (!last || !LAST_NAMES.has(last)) return null;
  for (const row of INFERRED_RECEIVERS) {
    for (const path of row.paths) {
      if (!path.endsWith('.' + last)) continue;
      const receiver = receiverOf(f, fn, path.split('.'));
      if (!receiver || !unresolved(f, receiver)) continue;
      const { kwargs } = args(f, call);
      if (!row.requires.every((k) => kwargs.has(k))) continue;
      const sdk = SDKS.find((s) => s.sdk === row.sdk)!;
      const method = findMethod('py', sdk, path);
      if (!method) continue;
      const site = build(f, call, sdk, method, null);
      site.confidence = Math.round(site.confidence * INFERRED_FACTOR * 100) / 100;
      site.receiver = inferredReason(path, row.requires);
      return site;
    }
  }
  return null;
}

/** The receiver expression when `fn` is `<receiver>.<path>`, else null. */
function receiverOf(f: PyFile, fn: Node, path: string[]): Node | null {
  let n: Node | null = fn;
  for (let i = path.length - 1; i >= 0; i--) {
    if (!n || f.typeOf(n) !== 'attribute' || f.attr(n).name !== path[i]) return null;
    n = f.attr(n).object;
  }
  return n;
}

function unresolved(f: PyFile, receiver: Node): boolean {
  if (isSelf(f, receiver)) return false;
  const v = f.eval(receiver);
  if (!(v.t === 'unknown' || (v.t === 'module' && !sdkForModule('py', v.name)))) return false;
  // a parameter the file's own callers fill with something else (a MagicMock in a test) is not a client
  const b = f.typeOf(receiver) === 'identifier' ? f.bindingOf(f.textOf(receiver), receiver) : null;
  return b?.binding.kind !== 'param' || passedValues(f, b.binding.node).every((p) => p.t === 'unknown' || p.t === 'client' || p.t === 'module');
}

/** `MyCrew().crew().kickoff(…)` with MyCrew not resolved (a @CrewBase class of a module not found): a crew run. */
export function inferredCrewRun(f: PyFile, call: Node, fn: Node, build: typeof import('./sites').sdkSite): DetectedCall | null {
  const last = f.attr(fn).name ?? '';
  if (!CREWBASE_RUN.methods.includes(last)) return null;
  const builder = f.attr(fn).object;
  const bfn = builder?.type === 'call' ? builder.childForFieldName('function') : null;
  if (bfn?.type !== 'attribute' || bfn.childForFieldName('attribute')?.text !== CREWBASE_RUN.builder || builder!.childForFieldName('arguments')?.namedChildren.length) return null;
  const made = bfn.childForFieldName('object');
  const cls = made?.type === 'call' ? made.childForFieldName('function') : null;
  if (!cls || !/^[A-Z]\w*$/.test(cls.text.slice(cls.text.lastIndexOf('.') + 1))) return null;
  const v = f.eval(cls);
  if (v.t !== 'module' || sdkForModule('py', v.name)) return null;
  const sdk = SDKS.find((s) => s.sdk === 'crewai')!;
  const method = findMethod('py', sdk, last);
  if (!method) return null;
  const site = build(f, call, sdk, method, null);
  site.confidence = Math.round(site.confidence * INFERRED_FACTOR * 100) / 100;
  site.receiver = `inferred from the CrewAI project shape ${cls.text}().crew().${last}(); the @CrewBase class is not resolved`;
  return site;
}
