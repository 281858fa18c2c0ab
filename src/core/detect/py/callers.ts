// A LangChain model injected as a function parameter (`def summarize(llm: BaseChatModel, text)`): the calls of that
// function in the same file say which model it is (`summarize(ChatOpenAI(model="gpt-4o"), text)`).
import type { Node } from 'web-tree-sitter';
import type { PyFile } from './file';
import { args } from './calls';
import { modelField } from '../request/fields';
import { lcInput } from './langchain';
import type { Value } from './value';
import { parentOf } from '../ancestors';

type Lc = Extract<Value, { t: 'lc' }>;

function paramName(p: Node): string | null {
  const n = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
  return n?.type === 'identifier' ? n.text : null;
}

/**
 * The file's calls by the name they call (`f(...)` and `x.f(...)` under `f`), built once per file: parameters are
 * looked up for every injected-model candidate, and walking all calls each time (each node access crosses into
 * wasm) made a 2,000-line file's analysis several times slower.
 */
const callIndex = new WeakMap<PyFile, Map<string, Node[]>>();

function callsByName(f: PyFile): Map<string, Node[]> {
  let index = callIndex.get(f);
  if (!index) {
    index = new Map();
    for (const call of f.calls) {
      const called = f.calledName(call).name;
      if (!called) continue;
      const list = index.get(called);
      if (list) list.push(call);
      else index.set(called, [call]);
    }
    callIndex.set(f, index);
  }
  return index;
}

/** What the calls of `p`'s function in this file pass for `p` (positionally or by keyword). */
export function passedValues(f: PyFile, p: Node): Value[] {
  const fn = parentOf(p)?.parent;
  const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
  const pName = paramName(p);
  if (!fn || !name || !pName || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') return [];
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
  const index = params.findIndex((c) => c.id === p.id);
  const isMethod = params.length > 0 && ['self', 'cls'].includes(paramName(params[0]!) ?? '') && !!f.enclosingClass(fn);
  const out: Value[] = [];
  for (const call of callsByName(f).get(name) ?? []) {
    const callee = f.callee(call)!;
    const v = f.eval(callee);
    if (v.t !== 'function' || v.node.id !== fn.id || v.owner !== f) continue;
    const a = args(f, call);
    const pos = index - (isMethod && callee.type === 'attribute' ? 1 : 0);
    const passed = a.kwargs.get(pName) ?? a.positional[pos];
    if (passed) out.push(passed);
  }
  return out;
}

function modelOf(v: Lc): string | null {
  return modelField(lcInput(v, false)).model;
}

/**
 * The value of an injected model parameter: the constructed model the callers pass when they all pass the same model
 * (else a model-less LangChain value), with every passed constructor in `via` so none of them is reported as a
 * constructor-only call site. Untyped parameters count only when a caller passes a LangChain model.
 */
export function injectedModel(f: PyFile, p: Node, typed: Value): Value {
  const passed = passedValues(f, p).filter((v): v is Lc => v.t === 'lc');
  if (!passed.length) return typed;
  const via = passed.flatMap((v) => [{ file: v.ctorFile, node: v.ctorNode }, ...(v.via ?? [])]);
  if (new Set(passed.map(modelOf)).size === 1) return { ...passed[0]!, via };
  // callers disagree: some LangChain model, which one is only known at run time
  return typed.t === 'lc' ? { ...typed, via } : { ...passed[0]!, ctorNode: p, ctorFile: f.relPath, kwargs: new Map(), positional: [], via };
}
