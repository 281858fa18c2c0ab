// Raw HTTP requests to a model endpoint, for the front ends of frontend/analyze.ts: a language finds the request's
// URL and JSON body in its own syntax (go/http.ts); this reads them as Python's raw-HTTP reader does (py/http.ts),
// and its URL reading is also TS's (ts/http.ts). The URL's path names the API (HTTP_ENDPOINTS); only absolute URLs, or URLs built on a
// base from a variable, count: a relative '/api/chat' is the app's own backend. The body is read by the request
// interpreter like an SDK request's options.
import { HTTP_ENDPOINTS } from '../sdks';
import { endpointFor, hostOf } from '../endpoint';
import type { CallKind } from '../types';
import { objectOf, type SharedValue } from '../request/value';

export interface HttpRequestSyntax {
  url: SharedValue;
  /** the JSON body's value, when the front end could follow it (a map or struct literal, a JSON string) */
  body: SharedValue | null;
  /** the URL starts with an environment variable's value */
  envBase?: boolean;
}

export interface HttpEndpoint {
  api: string;
  kind: CallKind;
  endpoint: 'api' | 'self-hosted';
  /** the URL's origin when written out, else the part before the path (`{c.baseURL}`) */
  baseUrl: string | null;
}

/**
 * The model endpoint a request URL names, or null (not a model path, or a relative URL). A URL built on a variable
 * reads as `{base}/v1/…` (TS: `${base}/v1/…`); `envBase`: that base is an environment variable's value.
 */
export function httpEndpoint(url: SharedValue, envBase = false): HttpEndpoint | null {
  const text = url.k === 'lit' && typeof url.value === 'string' ? url.value : url.k === 'text' ? url.text : null;
  if (text === null || !/^(https?:\/\/|\$?\{)/i.test(text)) return null;
  const path = text.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const ep = HTTP_ENDPOINTS.find((e) => path.endsWith(e.path));
  if (!ep) return null;
  const host = hostOf(text);
  const origin = host !== null && !host.includes('{') ? /^[a-z]+:\/\/[^/?#]*/i.exec(text)![0] : null;
  if (origin !== null) return { api: ep.api, kind: ep.kind, ...endpointFor({ t: 'str', text: origin }, !!ep.selfHostedDefault, false), baseUrl: origin };
  // the base comes from a variable (a config field, an environment variable): as TS reads `${base}/v1/...`
  const base = path.slice(0, path.length - ep.path.length) || null;
  return { api: ep.api, kind: ep.kind, endpoint: host !== null || envBase || ep.selfHostedDefault ? 'self-hosted' : 'api', baseUrl: base };
}

/** A JSON text (a request body written as a string) as a shared value; null when it is not a JSON object. */
export function jsonBody(text: string): SharedValue | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? fromJson(parsed, 0) : null;
}

function fromJson(v: unknown, depth: number): SharedValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { k: 'lit', value: v, src: 'literal' };
  if (depth > 32) return { k: 'unknown', hint: 'JSON nested too deep' };
  if (Array.isArray(v)) {
    const items = v.map((x) => fromJson(x, depth + 1));
    return { k: 'list', items: () => items, partial: false };
  }
  const map = new Map<string, SharedValue>();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) map.set(k, fromJson(x, depth + 1));
  return objectOf(map);
}
