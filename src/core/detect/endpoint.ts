// API or self-hosted? Decided from the client's base URL (shared by the language modules).
import type { PromptSource } from './types';
import { API_HOSTS } from './sdks';

/** The subset of analyser values a base URL can be: a string, an environment variable, or unknown. */
export type UrlValue =
  | { t: 'str'; text: string; src?: PromptSource }
  | { t: 'env'; name: string; def: UrlValue | null }
  | { t: string };

const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|host\.docker\.internal|[\w-]+\.local|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+)$/;

/** The host part of an absolute URL (`https://user@api.openai.com:443/v1` → 'api.openai.com'), or null. */
export function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim());
  if (!m) return null;
  const host = m[1]!.replace(/^[^@]*@/, '').toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

/** A provider's public API host; ollama.com is Ollama's hosted cloud (the API), not a local server. */
export function isApiHost(host: string): boolean {
  return API_HOSTS.some((h) => host === h.host || host.endsWith('.' + h.host)) || host === 'ollama.com';
}

/**
 * A base URL on a provider's public host is the API; localhost, private addresses and any other explicit host
 * (vLLM, Ollama, LM Studio, a gateway) are self-hosted. A URL taken from an environment variable counts as
 * self-hosted unless its default is a provider host; `vendorEndpoint` (Azure `azure_endpoint`) stays 'api'.
 */
export function endpointFor(v: UrlValue | null, selfHostedDefault: boolean, vendorEndpoint: boolean): { endpoint: 'api' | 'self-hosted'; baseUrl: string | null } {
  if (!v || v.t === 'none') return { endpoint: selfHostedDefault ? 'self-hosted' : 'api', baseUrl: null };
  if (v.t === 'str' && 'text' in v) {
    const text = (v as { text: string }).text;
    const host = hostOf(text);
    if (!host) return { endpoint: selfHostedDefault || !vendorEndpoint ? (selfHostedDefault ? 'self-hosted' : 'api') : 'api', baseUrl: text };
    if (vendorEndpoint) return { endpoint: 'api', baseUrl: text };
    if (LOCAL.test(host)) return { endpoint: 'self-hosted', baseUrl: text };
    return { endpoint: isApiHost(host) ? 'api' : 'self-hosted', baseUrl: text };
  }
  if (v.t === 'env' && 'name' in v) {
    const env = v as { name: string; def: UrlValue | null };
    if (env.def) {
      const d = endpointFor(env.def, selfHostedDefault, vendorEndpoint);
      return d;
    }
    return { endpoint: vendorEndpoint ? 'api' : 'self-hosted', baseUrl: `$${env.name}` };
  }
  return { endpoint: vendorEndpoint ? 'api' : 'self-hosted', baseUrl: null };
}
