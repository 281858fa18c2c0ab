// How the front ends recognise clients it cannot resolve through imports (sdks.ts holds the SDKs themselves):
// instructor's patched clients, request shapes no other library has, and client classes used without an import.
import type { Sdk } from './types';

/**
 * instructor (Python) patches a provider's client: the result keeps the provider's methods and adds its own
 * (`create`, `create_partial`, `create_iterable`, `create_with_completion`, also under `chat.completions.` and
 * `messages.`), each one request of the provider's main chat method. `from_provider("openai/gpt-4o")` names the
 * provider and the model in one string.
 */
export const INSTRUCTOR = {
  module: 'instructor',
  factories: ['from_openai', 'from_anthropic', 'from_groq', 'from_mistral', 'from_cohere', 'from_gemini', 'from_genai', 'from_vertexai', 'from_litellm', 'from_provider', 'patch', 'apatch'],
  methods: ['create', 'create_partial', 'create_iterable', 'create_with_completion'],
  prefixes: ['', 'chat.completions.', 'messages.'],
  /** from_provider's "<provider>/<model>" prefix → SDK */
  providers: { openai: 'openai', azure_openai: 'openai', anthropic: 'anthropic', google: 'google', genai: 'google', gemini: 'google', vertexai: 'google', groq: 'groq', mistral: 'mistral', cohere: 'cohere', together: 'together', ollama: 'ollama', litellm: 'litellm', bedrock: 'bedrock' } as Record<string, Sdk>,
};

/**
 * Request shapes no other library has: a call with this method path and these keyword arguments is the SDK's
 * request even when the receiver is not resolved (a client from a factory in another package, an untyped
 * parameter, an attribute set elsewhere). Detected with lowered confidence; a receiver that resolves to
 * something else (another library's object, a mock) is never inferred.
 */
export const INFERRED_RECEIVERS: { sdk: Sdk; paths: string[]; js: string[]; requires: string[] }[] = [
  { sdk: 'openai', paths: ['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'chat.completions.stream'], js: ['chat.completions.create', 'chat.completions.parse', 'beta.chat.completions.parse', 'chat.completions.stream'], requires: ['model', 'messages'] },
  { sdk: 'openai', paths: ['responses.create', 'responses.parse'], js: ['responses.create', 'responses.parse'], requires: ['model', 'input'] },
  // the OpenAI-compatible embeddings request (Mistral's takes `inputs`, Cohere/Voyage/Google use other paths)
  { sdk: 'openai', paths: ['embeddings.create'], js: ['embeddings.create'], requires: ['model', 'input'] },
  { sdk: 'anthropic', paths: ['messages.create', 'messages.stream', 'beta.messages.create'], js: ['messages.create', 'messages.stream', 'beta.messages.create'], requires: ['model', 'max_tokens', 'messages'] },
  { sdk: 'google', paths: ['models.generate_content', 'aio.models.generate_content', 'models.generate_content_stream'], js: ['models.generateContent', 'models.generateContentStream'], requires: ['model', 'contents'] },
];

/**
 * CrewAI's project layout (`crewai create crew`): main.py runs `MyCrew().crew().kickoff(inputs=…)` where MyCrew is
 * a @CrewBase class of another module, often not importing crewai itself. `<Class>().crew().<method>(…)` is that
 * run even when the class is not resolved (its agents and LLMs usually live in YAML: model unknown).
 */
export const CREWBASE_RUN = { builder: 'crew', methods: ['kickoff', 'kickoff_async', 'akickoff', 'kickoff_for_each', 'kickoff_for_each_async'] };

/** Confidence kept for a request found by its shape alone. */
export const INFERRED_FACTOR = 0.8;

export function inferredReason(path: string, requires: string[]): string {
  return `inferred from the request shape ${path}(${requires.join(', ')}); the client itself is not resolved`;
}

/** Client classes whose name alone says the SDK: `AzureOpenAI(...)` with no visible import (star imports, notebooks). */
export const IMPORTLESS_CLIENTS: Record<string, string> = {
  OpenAI: 'openai', AsyncOpenAI: 'openai', AzureOpenAI: 'openai', AsyncAzureOpenAI: 'openai', Anthropic: 'anthropic', AsyncAnthropic: 'anthropic',
};
