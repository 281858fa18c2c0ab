// Raw HTTP and provider hosts: which hosts are a provider's public API, which URL paths are model requests, which
// HTTP clients send them, and the Vercel AI SDK provider packages. Part of the SDK table (re-exported by sdks.ts).
import type { CallKind, Sdk } from './types';

/** Hosts that are a provider's public API; any other explicit base URL means a self-hosted/proxy endpoint. */
export const API_HOSTS: { host: string; sdk: Sdk }[] = [
  { host: 'api.openai.com', sdk: 'openai' },
  { host: 'openai.azure.com', sdk: 'openai' },
  { host: 'api.anthropic.com', sdk: 'anthropic' },
  { host: 'generativelanguage.googleapis.com', sdk: 'google' },
  { host: 'aiplatform.googleapis.com', sdk: 'google' },
  { host: 'api.mistral.ai', sdk: 'mistral' },
  { host: 'api.cohere.com', sdk: 'cohere' },
  { host: 'api.cohere.ai', sdk: 'cohere' },
  { host: 'api.groq.com', sdk: 'groq' },
  { host: 'api.together.xyz', sdk: 'together' },
  { host: 'api.together.ai', sdk: 'together' },
  { host: 'api.voyageai.com', sdk: 'voyage' },
  { host: 'open.bigmodel.cn', sdk: 'zhipuai' },
  { host: 'api.z.ai', sdk: 'zhipuai' },
  { host: 'openrouter.ai', sdk: 'openai' },
  { host: 'api.deepseek.com', sdk: 'openai' },
  { host: 'api.fireworks.ai', sdk: 'openai' },
  { host: 'api.x.ai', sdk: 'openai' },
  { host: 'api.perplexity.ai', sdk: 'openai' },
];

/** Raw HTTP endpoints: path suffix → canonical api. Matched on the URL path of requests.post/httpx/fetch/axios. */
export const HTTP_ENDPOINTS: { path: string; api: string; kind: CallKind; selfHostedDefault?: boolean }[] = [
  { path: '/chat/completions', api: 'chat.completions.create', kind: 'chat' },
  { path: '/v1/completions', api: 'completions.create', kind: 'completion' },
  { path: '/v1/responses', api: 'responses.create', kind: 'responses' },
  { path: '/v1/embeddings', api: 'embeddings.create', kind: 'embedding' },
  { path: '/v1/images/generations', api: 'images.generate', kind: 'image' },
  { path: '/v1/audio/speech', api: 'audio.speech.create', kind: 'speech' },
  { path: '/v1/audio/transcriptions', api: 'audio.transcriptions.create', kind: 'transcription' },
  { path: '/v1/messages', api: 'messages.create', kind: 'chat' },
  { path: ':generateContent', api: 'models.generate_content', kind: 'chat' },
  { path: ':streamGenerateContent', api: 'models.generate_content_stream', kind: 'chat' },
  { path: '/api/chat', api: 'chat', kind: 'chat', selfHostedDefault: true },
  { path: '/api/generate', api: 'generate', kind: 'completion', selfHostedDefault: true },
  { path: '/api/embed', api: 'embed', kind: 'embedding', selfHostedDefault: true },
  { path: '/api/embeddings', api: 'embed', kind: 'embedding', selfHostedDefault: true },
];

/**
 * Vercel AI SDK provider packages. Every export is a provider (`openai('gpt-4o')`, `openai.embedding('…')`) or a
 * provider factory (`createOpenAI({ baseURL })`); a `pkg` ending in '/' matches every package under that scope.
 */
export const AI_SDK_PROVIDERS: { pkg: string; selfHosted?: boolean }[] = [
  { pkg: '@ai-sdk/' },
  { pkg: 'ollama-ai-provider', selfHosted: true },
  { pkg: 'ollama-ai-provider-v2', selfHosted: true },
  { pkg: '@openrouter/ai-sdk-provider' },
];

/** Python/JS HTTP client calls that send a request: module function or client method name → verb. */
export const HTTP_CLIENTS = {
  py: { modules: ['requests', 'httpx', 'aiohttp'], clientCtors: ['Session', 'Client', 'AsyncClient', 'ClientSession'], methods: ['post', 'request', 'stream'] },
  js: { functions: ['fetch'], modules: ['axios', 'got', 'ky', 'node-fetch', 'undici'], methods: ['post', 'request'] },
};
