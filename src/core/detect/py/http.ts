// Raw HTTP requests from Python (requests / httpx / aiohttp) to a known model endpoint path.
import type { Node } from 'web-tree-sitter';
import type { DetectedCall, PromptPart } from '../types';
import { HTTP_ENDPOINTS } from '../sdks';
import { endpointFor } from '../endpoint';
import { confidenceFor, inputRole, runtimePart } from '../promptParts';
import { messagesToParts, textToParts, toolParts } from './prompts';
import type { PyFile } from './file';
import { args } from './calls';
import { requestFields } from '../request/fields';
import { dictToShared } from './shared';
import { applyFields, siteBase } from './sites';
import { str } from './strings';
import type { Value } from './value';

export function httpSite(f: PyFile, call: Node, verb: string): DetectedCall | null {
  const { positional, kwargs } = args(f, call);
  const urlV = verb === 'request' ? positional[1] ?? kwargs.get('url') : positional[0] ?? kwargs.get('url');
  if (verb === 'request' && !(positional[0]?.t === 'str' && /^post$/i.test(positional[0].text))) return null;
  if (urlV?.t !== 'str') return null;
  const url = urlV.text;
  const hit = HTTP_ENDPOINTS.find((e) => url.replace(/[?#].*$/, '').endsWith(e.path) || url.includes(e.path + '?'));
  if (!hit) return null;
  const site = siteBase(f, call, 'http', hit.api, hit.kind);
  const bodyV = kwargs.get('json') ?? kwargs.get('data') ?? kwargs.get('content');
  const body = bodyV?.t === 'dict' ? bodyV.entries : new Map<string, Value>();
  applyFields(site, requestFields({ method: { streaming: verb === 'stream' }, opts: [dictToShared(body)], positional: [], client: null, selfHosted: false }));
  const m = /^(https?:\/\/[^/]+)/.exec(url);
  // a base URL from an environment variable counts as a configured (self-hosted) base, as for SDK clients
  const ep = endpointFor(urlV.envBase ? { t: 'env', name: urlV.envBase, def: null } : m ? str(m[1]!, 'literal') : null, !!hit.selfHostedDefault, false);
  site.endpoint = ep.endpoint;
  site.baseUrl = m ? m[1]! : ep.baseUrl;
  const parts: PromptPart[] = [];
  const sys = body.get('system');
  if (sys) parts.push(...textToParts(sys, 'system'));
  const msgs = body.get('messages') ?? body.get('contents');
  if (msgs) parts.push(...messagesToParts(msgs, inputRole(hit.kind)));
  const main = body.get('prompt') ?? body.get('input');
  if (main) parts.push(...textToParts(main, inputRole(hit.kind)));
  if (body.get('tools')) parts.push(...toolParts(body.get('tools')!));
  if (!parts.length) parts.push(runtimePart('user'));
  site.promptParts = parts;
  site.confidence = confidenceFor(site.modelSource, parts);
  return site;
}
