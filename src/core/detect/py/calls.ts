// Calls as values: arguments, methods on known values (str.format, Path.read_text, client sub-paths), helper
// functions (their return value), and calls of module-level names: SDK clients, os.getenv, open(), Path(), ...
import type { Node } from 'web-tree-sitter';
import { placeholdersIn } from '../promptParts';
import { BEDROCK_SERVICES, HTTP_CLIENTS, composers, SDKS, findMethod, sdkForModule } from '../sdks';
import { IMPORTLESS_CLIENTS } from '../receivers';
import { PASSTHROUGH, type PyFile } from './file';
import { langchainValue } from './langchain';
import { instructorClient } from './instructor';
import { unresolvedEngine } from './framework';
import { classAttr, returnValue } from './values';
import { factoryReturn } from './factories';
import { ancestors, dirOf, joinPath } from './paths';
import { dedent, str } from './strings';
import { UNKNOWN, type Value } from './value';

export function args(f: PyFile, call: Node): { positional: Value[]; kwargs: Map<string, Value>; partial: boolean; posNodes: Node[]; kwNodes: Map<string, Node> } {
  const positional: Value[] = [];
  const posNodes: Node[] = [];
  const kwargs = new Map<string, Value>();
  const kwNodes = new Map<string, Node>();
  let partial = false;
  const list = call.childForFieldName('arguments');
  if (list?.type === 'argument_list') {
    for (const a of list.namedChildren) {
      if (!a || a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name')?.text;
        const value = a.childForFieldName('value');
        if (name && value) {
          kwargs.set(name, f.eval(value));
          kwNodes.set(name, value);
        }
      } else if (a.type === 'dictionary_splat') {
        const inner = a.namedChild(0);
        const v = inner ? f.eval(inner) : UNKNOWN;
        if (v.t === 'dict') {
          for (const [k, val] of v.entries) kwargs.set(k, val);
          if (v.partial) partial = true;
        } else partial = true;
      } else if (a.type === 'list_splat') {
        partial = true;
      } else {
        positional.push(f.eval(a));
        posNodes.push(a);
      }
    }
  }
  return { positional, kwargs, partial, posNodes, kwNodes };
}

export function callValue(f: PyFile, call: Node): Value {
  const fn = call.childForFieldName('function');
  if (!fn) return UNKNOWN;
  const { positional, kwargs } = args(f, call);
  // methods on values
  if (fn.type === 'attribute') {
    const objNode = fn.childForFieldName('object')!;
    const attr = fn.childForFieldName('attribute')?.text ?? '';
    const obj = f.eval(objNode);
    if (obj.t === 'str') {
      if (['format', 'strip', 'lstrip', 'rstrip', 'format_map'].includes(attr)) return attr === 'format' || attr === 'format_map' ? { ...obj, placeholders: placeholdersIn(obj.text) } : { ...obj, text: obj.text.trim() };
      return UNKNOWN;
    }
    if (obj.t === 'filehandle' && attr === 'read') return readFile(f, obj.path, call);
    if (obj.t === 'path') {
      if (attr === 'read_text') return readFile(f, obj, call);
      if (attr === 'joinpath' && positional[0]?.t === 'str') return { t: 'path', rel: joinPath(obj.rel, positional[0].text) };
      if (attr === 'open') return { t: 'filehandle', path: obj };
      if (attr === 'resolve' || attr === 'absolute') return obj;
      return UNKNOWN;
    }
    if (obj.t === 'lc') {
      if (composers('py').wrappers.includes(attr)) return obj;
      return UNKNOWN;
    }
    if (obj.t === 'template' && (attr === 'partial' || attr === 'format_messages')) return obj;
    if (obj.t === 'client') {
      // a call that is not itself a request keeps the client (chats.create(model=...), start_chat())
      if (findMethod('py', obj.sdk, [...obj.path, attr].join('.'))) return UNKNOWN;
      if (attr === 'client' && obj.sdk.sdk === 'bedrock') return obj;
      const merged = new Map(obj.kwargs);
      for (const [k, v] of kwargs) merged.set(k, v);
      return { ...obj, path: PASSTHROUGH.has(attr) ? obj.path : [...obj.path, attr], kwargs: merged };
    }
    if (obj.t === 'module' && obj.name === 'boto3' && attr === 'client') return construct(f, 'boto3.client', positional, kwargs, call);
    if (obj.t === 'class') {
      const v = classAttr(obj.owner as PyFile, obj.node, attr, fn);
      if (v.t === 'function') return returnValue(obj.owner as PyFile, v.node);
    }
    if (obj.t === 'dict' && attr === 'get' && positional[0]?.t === 'str') return obj.entries.get(positional[0].text) ?? positional[1] ?? UNKNOWN;
    if (obj.t === 'dict' && attr === 'copy') return obj;
    // a DSPy optimizer's compile(student=program) returns the program, tuned (`LabeledFewShot().compile(student=qa)`)
    if (obj.t === 'dict' && attr === 'compile' && obj.ctor?.startsWith('dspy.')) {
      const student = kwargs.get('student') ?? positional[0];
      if (student?.t === 'client' && student.sdk.sdk === 'dspy') return student;
    }
    if (obj.t === 'unknown') {
      const engine = unresolvedEngine(f, attr, kwargs);
      if (engine) return engine;
    }
    // a method of a workspace class's instance: what it returns (CrewAI's `MyCrew().crew()`)
    if (obj.t === 'dict' && obj.instance && !obj.entries.has(attr)) {
      const m = classAttr(obj.instance.owner as PyFile, obj.instance.cls, attr, fn);
      if (m.t === 'function') return returnValue(obj.instance.owner as PyFile, m.node);
    }
  }
  // `Agent[Deps, Output](...)`: a generic class subscripted with its type parameters is the class
  const base = fn.type === 'subscript' ? fn.childForFieldName('value') : null;
  const calleeNode = base && /^[A-Z]\w*$/.test(base.text.slice(base.text.lastIndexOf('.') + 1)) ? base : fn;
  const callee = f.eval(calleeNode);
  switch (callee.t) {
    case 'module': return construct(f, callee.name, positional, kwargs, call);
    case 'function': {
      const owner = callee.owner as PyFile;
      return factoryReturn(owner, callee.node, positional, kwargs) ?? returnValue(owner, callee.node);
    }
    case 'client':
      return UNKNOWN;
    case 'class': {
      // an instance of a workspace class: keyword arguments as fields (dataclasses), the rest from the class
      const d = ctorDict(fn.text, positional, kwargs);
      return d.t === 'dict' ? { ...d, instance: { cls: callee.node, owner: callee.owner, positional, kwargs } } : d;
    }
    default: {
      if (fn.type === 'identifier' && IMPORTLESS_CLIENTS[fn.text] && callee.t === 'unknown') return construct(f, `${IMPORTLESS_CLIENTS[fn.text]}.${fn.text}`, positional, kwargs, call);
      // unknown constructors used in request bodies: types.Content(role=..., parts=[...]), SystemMessage(content=...)
      const name = fn.text;
      const last = name.slice(name.lastIndexOf('.') + 1);
      return /^[A-Z]/.test(last) || last.startsWith('from_') ? ctorDict(name, positional, kwargs) : UNKNOWN;
    }
  }
}

export function readFile(f: PyFile, p: Value, call: Node): Value {
  const ws = f.shared.ctx.ws;
  if (p.t === 'str') p = { t: 'path', rel: p.text };
  if (p.t !== 'path' || !ws) return UNKNOWN;
  // a path relative to the working directory: try the file's folder and each folder above it
  for (const candidate of ancestors(dirOf(f.relPath)).map((d) => joinPath(d, p.rel))) {
    if (!candidate || !ws.exists(candidate)) continue;
    const text = ws.readFile(candidate);
    if (text !== null) return str(text, 'file', { file: candidate, line: 1 });
  }
  void call;
  return UNKNOWN;
}


/** Calling a module-level name: SDK constructors, LangChain builders, os.getenv, open(), Path(), json.dumps ... */
export function construct(f: PyFile, name: string, positional: Value[], kwargs: Map<string, Value>, call: Node): Value {
  const short = name.replace(/^builtins\./, '');
  const last = short.slice(short.lastIndexOf('.') + 1);
  if (short === 'os.getenv' || short === 'os.environ.get' || short === 'getenv') {
    const k = positional[0];
    if (k?.t !== 'str') return UNKNOWN;
    const d = positional[1] ?? kwargs.get('default');
    return { t: 'env', name: k.text, def: d && d.t === 'str' ? d : null };
  }
  if (short === 'json.dumps' || short === 'textwrap.dedent' || short === 'inspect.cleandoc' || short === 'dedent' || short === 'str') {
    const v = positional[0] ?? UNKNOWN;
    return v.t === 'str' && short !== 'json.dumps' && short !== 'str' ? { ...v, text: dedent(v.text) } : v;
  }
  if (short === 'dict') return { t: 'dict', entries: new Map(kwargs) };
  // functools.partial(client.chat.completions.create, model=…): the bound request method with default arguments
  if ((short === 'functools.partial' || short === 'partial') && positional[0]?.t === 'client' && positional[0].path.length) {
    return { ...positional[0], kwargs: new Map([...positional[0].kwargs, ...kwargs]) };
  }
  if (short === 'open' || short === 'io.open') return positional[0] ? { t: 'filehandle', path: positional[0] } : UNKNOWN;
  if (short === 'Path' || short === 'pathlib.Path' || short === 'os.path.join') {
    const segs = positional.map((p) => (p.t === 'str' ? p.text : p.t === 'path' ? p.rel : null));
    if (segs.some((s) => s === null)) return UNKNOWN;
    return { t: 'path', rel: joinPath(...(segs as string[])) };
  }
  if (short === 'os.path.dirname' && positional[0]?.t === 'path') return { t: 'path', rel: dirOf(positional[0].rel) };
  if (short === 'os.path.abspath' || short === 'os.path.realpath') return positional[0] ?? UNKNOWN;

  const root = short.split('.')[0]!;
  if (HTTP_CLIENTS.py.modules.includes(root) && HTTP_CLIENTS.py.clientCtors.includes(last)) return { t: 'http', path: [] };
  // boto3.client("bedrock-runtime") or boto3.client(service_name="bedrock-runtime")
  const service = positional[0] ?? kwargs.get('service_name');
  if ((short === 'boto3.client' || short === 'aioboto3.client' || short.endsWith('Session.client') || short === 'boto3.Session.client') && service?.t === 'str' && BEDROCK_SERVICES.includes(service.text)) {
    const sdk = SDKS.find((s) => s.sdk === 'bedrock')!;
    return { t: 'client', sdk, row: null, path: [], kwargs, positional };
  }
  if (short === 'boto3.Session' || short === 'aioboto3.Session' || short === 'boto3.session.Session') return { t: 'module', name: 'boto3' };

  const lc = langchainValue(f, short, last, positional, kwargs, call);
  if (lc) return lc;
  const patched = instructorClient(short, positional, kwargs);
  if (patched) return patched;

  const sdk = sdkForModule('py', short);
  // `VectorStoreIndex.from_documents(...)`: a row may name a class's factory method
  const row = sdk?.clients.find((c) => (c.name === last || short.endsWith('.' + c.name)) && c.langs.includes('py'));
  if (!sdk || !row) {
    // instrumentation wrappers keep the client's interface: instructor.from_openai(OpenAI()), wrap_openai(client)
    if (positional[0]?.t === 'client' && /^(from_|patch$|wrap|observe|instrument)/i.test(last)) return positional[0];
    // request pieces built by constructors: types.GenerateContentConfig(...), SystemMessage(content=...), types.Part.from_text(...)
    if (/^[A-Z]/.test(last) || last.startsWith('from_')) return ctorDict(short, positional, kwargs);
    return UNKNOWN;
  }
  if (row.role === 'model') {
    return { t: 'lc', what: 'model', ctorNode: call, ctorFile: f.relPath, ctorName: last, kwargs, positional, template: null, selfHosted: !!row.selfHosted };
  }
  return { t: 'client', sdk, row, path: [], kwargs, positional };
}

/** The fields ctorDict fills from a request piece's first argument. */
export const CTOR_DICT_KEYS = ['content', 'text'] as const;

export function ctorDict(name: string, positional: Value[], kwargs: Map<string, Value>): Value {
  const entries = new Map(kwargs);
  const [content, text] = CTOR_DICT_KEYS;
  if (positional[0] && !entries.has(content) && /Message|Content|Part|from_text/.test(name)) entries.set(/Part|from_text/.test(name) ? text : content, positional[0]);
  return { t: 'dict', entries, ctor: name };
}
