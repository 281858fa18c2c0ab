// Raw HTTP requests from Go (net/http): `http.NewRequest("POST", url, body)`, `http.NewRequestWithContext(ctx,
// http.MethodPost, url, body)`, `http.Post(url, contentType, body)` and `Post` on an http.Client. The body is followed
// through `bytes.NewBuffer` / `bytes.NewReader` / `strings.NewReader`, `[]byte(…)` (values.ts) and `json.Marshal(…)`
// to the map or struct literal it was made from, or to a JSON string. Read by frontend/http.ts.
import type { Node } from 'web-tree-sitter';
import type { CallView } from '../frontend/analyze';
import type { Evaluator } from '../frontend/evaluator';
import { jsonBody, type HttpRequestSyntax } from '../frontend/http';
import { constructedArgs } from '../frontend/values';
import type { SharedValue } from '../request/value';
import type { GoFile } from './values';

/** Calls that hand their first argument on as the request body's bytes. */
const BODY_WRAPPERS = /^(?:bytes\.NewBuffer|bytes\.NewBufferString|bytes\.NewReader|strings\.NewReader|json\.Marshal)$/;

export function goHttp(file: GoFile): (call: CallView, ev: Evaluator) => HttpRequestSyntax | null {
  const aliases = [...file.imports].filter(([, path]) => path === 'net/http').map(([alias]) => alias);
  if (!aliases.length) return () => null;
  const isHttp = (name: string | undefined) => name !== undefined && aliases.includes(name);
  return (call, ev) => {
    const names = call.chain.map((l) => l.name);
    const method = names.at(-1);
    const onPackage = names.length === 2 && isHttp(names[0]);
    // positions of the method, URL and body arguments
    let at: [number | null, number, number];
    if (onPackage && method === 'NewRequest') at = [0, 1, 2];
    else if (onPackage && method === 'NewRequestWithContext') at = [1, 2, 3];
    else if (method === 'Post' && (onPackage || (names.length >= 2 && isClient(ev.value(call.chain.at(-2)!.node), aliases)))) at = [null, 0, 2];
    else return null;
    const [verbAt, urlAt, bodyAt] = at;
    const verb = verbAt === null ? null : call.positional[verbAt];
    if (verb && !isPost(ev.value(verb), aliases)) return null;
    const url = call.positional[urlAt];
    const body = call.positional[bodyAt];
    if (!url) return null;
    return { url: ev.value(url), body: body ? bodyOf(ev.value(body), 0) : null, envBase: envBase(url, ev) };
  };
}

/** Whether a URL built with `+` starts with an environment variable (`os.Getenv("BASE") + "/v1/…"`, or a variable
 *  holding one): a base URL from the environment counts as self-hosted, as in Python and TS. */
function envBase(url: Node, ev: Evaluator): boolean {
  let first: Node | null = url;
  for (let i = 0; first?.type === 'binary_expression' && i < 64; i++) first = first.childForFieldName('left');
  if (!first || first === url) return false;
  const v = ev.value(first);
  return v.k === 'call' && /^os\.(Getenv|LookupEnv)$/.test(v.callee);
}

function isPost(v: SharedValue, aliases: string[]): boolean {
  if (v.k === 'lit') return typeof v.value === 'string' && v.value.toUpperCase() === 'POST';
  return v.k === 'unknown' && aliases.some((a) => v.hint === `${a}.MethodPost`);
}

/** `http.DefaultClient`, `&http.Client{…}`, a variable or field declared `*http.Client` */
function isClient(v: SharedValue, aliases: string[]): boolean {
  const type = v.k === 'object' ? v.ctor : v.k === 'call' ? v.callee : v.k === 'unknown' ? v.hint : undefined;
  return aliases.some((a) => type === `${a}.Client` || type === `${a}.DefaultClient`);
}

function bodyOf(v: SharedValue, depth: number): SharedValue | null {
  if (v.k === 'object') return v;
  if (v.k === 'lit' && typeof v.value === 'string') return jsonBody(v.value);
  const args = depth < 6 && v.k === 'call' && BODY_WRAPPERS.test(v.callee) ? constructedArgs(v) : null;
  const inner = args?.positional[0];
  return inner ? bodyOf(inner, depth + 1) : null;
}
