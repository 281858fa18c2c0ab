// A workspace factory function called with the model: `def proxy_model(name): return OpenAIChatModel(name, …)`
// then `Agent(proxy_model("gpt-4o"))`. The SDK constructor the function returns is evaluated with the caller's
// arguments in place of the parameters it passes on, so each call of the factory gets its own model.
import type { Node } from 'web-tree-sitter';
import type { PyFile } from './file';
import { construct } from './calls';
import { UNKNOWN, type Value } from './value';

function paramName(p: Node): string | null {
  const n = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
  return n?.type === 'identifier' ? n.text : null;
}

/** The parameters' values at one call: what the caller passes, else nothing (the default stays the callee's). */
function bindings(fn: Node, positional: Value[], kwargs: Map<string, Value>): Map<string, Value> {
  const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((c): c is Node => !!c && c.type !== 'comment');
  const out = new Map<string, Value>();
  params.forEach((p, i) => {
    if (p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern' || p.type === 'keyword_separator') return;
    const name = paramName(p);
    const v = name ? kwargs.get(name) ?? positional[i] : undefined;
    if (name && v) out.set(name, v);
  });
  return out;
}

/** The returned SDK constructor call that passes a parameter on, if the function has one. */
function returnedCall(fn: Node, names: Set<string>): Node | null {
  const body = fn.childForFieldName('body');
  const stack: Node[] = body ? [body] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'return_statement') {
      const e = n.namedChild(0);
      const list = e?.type === 'call' ? e.childForFieldName('arguments') : null;
      if (e && list?.namedChildren.some((a) => a && names.has((a.type === 'keyword_argument' ? a.childForFieldName('value') : a)?.text ?? ''))) return e;
      continue;
    }
    if (n !== body && (n.type === 'function_definition' || n.type === 'class_definition')) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return null;
}

/**
 * What `fn(positional, kwargs)` returns when it returns an SDK constructor fed by its parameters; null when the
 * function does not (the caller falls back to its plain return value).
 */
export function factoryReturn(f: PyFile, fn: Node, positional: Value[], kwargs: Map<string, Value>): Value | null {
  if (fn.parent?.type === 'block' && fn.parent.parent?.type === 'class_definition') return null; // methods: self shifts the arguments
  const bound = bindings(fn, positional, kwargs);
  if (!bound.size) return null;
  const call = returnedCall(fn, new Set(bound.keys()));
  const callee = call?.childForFieldName('function');
  const made = callee ? f.eval(callee) : UNKNOWN;
  if (!call || made.t !== 'module') return null;
  const value = (a: Node): Value => (a.type === 'identifier' && bound.has(a.text) ? bound.get(a.text)! : f.eval(a));
  const pos: Value[] = [];
  const kw = new Map<string, Value>();
  for (const a of call.childForFieldName('arguments')!.namedChildren) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'keyword_argument') {
      const name = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      if (name && v) kw.set(name, value(v));
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') return null;
    else pos.push(value(a));
  }
  const v = construct(f, made.name, pos, kw, call);
  return v.t === 'client' || v.t === 'lc' ? v : null;
}
