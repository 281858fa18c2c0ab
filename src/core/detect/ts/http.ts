// Raw HTTP requests to model endpoints from TS/JS: fetch(url, { body }), axios.post(url, data),
// axios({ url, data }), got/ky.post(url, { json }). Only absolute URLs count: a relative '/api/chat' is the
// app's own backend, not a provider.
import type { Node } from 'web-tree-sitter';
import type { CallKind } from '../types';
import { HTTP_CLIENTS } from '../sdks';
import { httpEndpoint } from '../frontend/http';
import type { FileCtx } from './context';
import { resolveName } from './scope';
import { memberObject, memberProperty, unwrap } from './syntax';
import { propNode } from './objects';
import { evaluate, type Ref, type Val } from './values';

export interface HttpRequest {
  api: string;
  kind: CallKind;
  url: string;
  endpoint: 'api' | 'self-hosted';
  body: Ref | null;
}

function asObj(v: Val): Ref | null {
  return v.t === 'obj' ? v.ref : null;
}

function prop(ref: Ref | null, key: string): Val {
  const p = ref ? propNode(ref, key) : null;
  return p ? evaluate(p.node, p.fc) : { t: 'unknown' };
}

function isFetch(callee: Node, fc: FileCtx): boolean {
  if (callee.type !== 'identifier' || !HTTP_CLIENTS.js.functions.includes(callee.text)) return false;
  const decl = resolveName(fc, callee.text, callee);
  return !decl || (decl.kind === 'import' && HTTP_CLIENTS.js.modules.includes(decl.pkg));
}

export function matchHttp(calleeNode: Node, args: Node[], fc: FileCtx): HttpRequest | null {
  const callee = unwrap(calleeNode);
  let urlNode: Node | undefined;
  let body: Ref | null = null;
  if (isFetch(callee, fc)) {
    urlNode = args[0];
    const init = args[1] ? asObj(evaluate(args[1], fc)) : null;
    body = asObj(prop(init, 'body'));
  } else {
    const isMember = callee.type === 'member_expression';
    const base = evaluate(isMember ? memberObject(callee) : callee, fc);
    if (base.t !== 'pkg' || !HTTP_CLIENTS.js.modules.includes(base.pkg) || base.steps.length) return null;
    const method = isMember ? memberProperty(callee) : null;
    if (method !== null && !HTTP_CLIENTS.js.methods.includes(method)) return null;
    const first = args[0] ? evaluate(args[0], fc) : null;
    if (first?.t === 'obj') {
      // axios({ method: 'post', url, data }) / axios.request({...})
      const m = prop(first.ref, 'method');
      if (m.t === 'str' && m.value.toLowerCase() !== 'post') return null;
      const u = propNode(first.ref, 'url');
      urlNode = u?.node;
      body = asObj(prop(first.ref, 'data')) ?? asObj(prop(first.ref, 'json')) ?? asObj(prop(first.ref, 'body'));
      if (u && u.fc !== fc) return null;
    } else {
      urlNode = args[0];
      const second = args[1] ? evaluate(args[1], fc) : null;
      body = second?.t === 'obj' ? asObj(prop(second.ref, 'json')) ?? (propNode(second.ref, 'model') ? second.ref : null) : null;
    }
  }
  if (!urlNode) return null;
  const url = evaluate(urlNode, fc);
  if (url.t !== 'str') return null;
  // a base URL from an environment variable is self-hosted, as for an SDK client's env baseURL (params.endpointOf)
  const ep = httpEndpoint({ k: 'lit', value: url.value, src: 'literal' }, !!url.envBase);
  return ep ? { api: ep.api, kind: ep.kind, url: url.value, endpoint: ep.endpoint, body } : null;
}
