// The SDK table: which packages, client constructors and methods make LLM requests, for every language.
// Language modules read this table; they do not hard-code SDK names. Paths are dotted attribute paths
// relative to a client object (or to the module, for `functions`). `api` is the canonical name reported
// in DetectedCall.api whatever spelling or alias the code used.
import type { CallKind, Sdk } from './types';
import { FRAMEWORKS } from './frameworks';
import { AZURE_SDKS } from './azure';
import { HUGGINGFACE_SDKS } from './huggingface';
import { INFERRED_RECEIVERS } from './receivers';
import { LANGCHAIN_COMPOSERS, LANGCHAIN_DEPLOYMENT_KEYS, type Composers } from './langchainRows';

export type Lang = 'py' | 'js';
export { LANGCHAIN_DEPLOYMENT_KEYS, type Composers };

export interface MethodRow {
  api: string;
  kind: CallKind;
  /** attribute paths per language; a row without a language's paths does not apply to it */
  py?: string[];
  js?: string[];
  streaming?: boolean;
  /** positional argument index of the model, when the SDK takes it positionally */
  modelPos?: number;
  /** positional argument index of the main prompt (string or messages) */
  promptPos?: number;
  /** positional argument index of the agent/LLM object that holds the model (`Runner.run(agent, input)`) */
  agentPos?: number;
  /** keyword naming the agent object whose creation holds the model (`runs.create_and_process(agent_id=agent.id)`) */
  agentKey?: string;
  /** run arguments that may choose the model (`run_config=`): given, no framework default is assumed */
  modelOverrides?: string[];
  /** model requests one run makes, when it makes several (a framework's agent loop, retrieval + synthesis) */
  calls?: CallsPerRequest;
  /** where, inside the call's options, the request sits: one of a batch's requests ('0' = first item), a REST body */
  requestPath?: string[];
  /** positional argument index of the options object when it is not the first argument (`getChatCompletions(deployment, messages, options)`) */
  optionsPos?: number;
  /** REST-style clients: the route string the method path's first call names (`client.path("/chat/completions").post(…)`) */
  route?: string;
}

/** A documented default for how many model requests one framework run makes; `llm-cost: calls=N` overrides it. */
export interface CallsPerRequest { n: number; basis: string }

export interface ClientRow {
  /** exported class / factory name */
  name: string;
  langs: Lang[];
  /** the client talks to a local server unless a base URL says otherwise (Ollama) */
  selfHosted?: boolean;
  /** model given to the constructor (GenerativeModel, LangChain chat models) */
  modelKeys?: string[];
  /**
   * Keys naming an Azure deployment: they stand for the model when no model key names one (after modelKeys), and the
   * call site records which (DetectedCall.deploymentKey, request/fields.ts deploymentKeyOf).
   */
  deploymentKeys?: string[];
  modelPos?: number;
  /** what the object is: an SDK client (methods from `methods`), or a model object invoked LangChain-style */
  role?: 'client' | 'model';
  /** the model the framework uses when the constructor names none, and where that default is documented */
  defaultModel?: { model: string; basis: string };
}

export interface SdkRow {
  sdk: Sdk;
  /** importable module names per language ('openai', '@anthropic-ai/sdk', 'google.genai', ...) */
  packages: { py?: string[]; js?: string[] };
  clients: ClientRow[];
  /** methods on a client */
  methods: MethodRow[];
  /** module-level functions (litellm.completion, ollama.chat, openai.ChatCompletion.create) */
  functions?: MethodRow[];
  /** the module itself is a client for these languages (openai>=1: `openai.chat.completions.create(...)`) */
  moduleClient?: Lang[];
  /** frameworks: model strings carry a provider prefix to drop (`openai:gpt-4o`) */
  providerPrefix?: boolean;
  /** a local module of the same name wins (openai-agents' package is the common name `agents`) */
  localFirst?: boolean;
  /** LangChain: the builders that wrap a model into a chain or agent */
  composers?: Record<Lang, Composers>;
}

const chat = (api: string, py: string[], js: string[] = py, extra: Partial<MethodRow> = {}): MethodRow => ({ api, kind: 'chat', py, js, ...extra });

const OPENAI_METHODS: MethodRow[] = [
  chat('chat.completions.create', ['chat.completions.create', 'beta.chat.completions.create']),
  chat('chat.completions.parse', ['chat.completions.parse', 'beta.chat.completions.parse']),
  chat('chat.completions.stream', ['chat.completions.stream', 'beta.chat.completions.stream'], undefined, { streaming: true }),
  // openai-node's tool loop: one call runs the model until it stops calling tools
  chat('chat.completions.runTools', [], ['chat.completions.runTools', 'beta.chat.completions.runTools']),
  { api: 'responses.create', kind: 'responses', py: ['responses.create'], js: ['responses.create'] },
  { api: 'responses.parse', kind: 'responses', py: ['responses.parse'], js: ['responses.parse'] },
  { api: 'responses.stream', kind: 'responses', py: ['responses.stream'], js: ['responses.stream'], streaming: true },
  { api: 'completions.create', kind: 'completion', py: ['completions.create'], js: ['completions.create'] },
  // Assistants API: a run is the request (the model usually lives on the assistant)
  chat('beta.threads.runs.create', ['beta.threads.runs.create', 'beta.threads.runs.create_and_poll', 'beta.threads.create_and_run'], ['beta.threads.runs.create', 'beta.threads.runs.createAndPoll', 'beta.threads.createAndRun']),
  { api: 'embeddings.create', kind: 'embedding', py: ['embeddings.create'], js: ['embeddings.create'] },
  { api: 'images.generate', kind: 'image', py: ['images.generate'], js: ['images.generate'] },
  { api: 'images.edit', kind: 'image', py: ['images.edit'], js: ['images.edit'] },
  { api: 'images.create_variation', kind: 'image', py: ['images.create_variation'], js: ['images.createVariation'] },
  { api: 'audio.speech.create', kind: 'speech', py: ['audio.speech.create'], js: ['audio.speech.create'] },
  { api: 'audio.transcriptions.create', kind: 'transcription', py: ['audio.transcriptions.create'], js: ['audio.transcriptions.create'] },
  { api: 'audio.translations.create', kind: 'transcription', py: ['audio.translations.create'], js: ['audio.translations.create'] },
  // Batch API: the requests are lines of an uploaded JSONL file (model and prompts known only at run time)
  { api: 'batches.create', kind: 'batch', py: ['batches.create'], js: ['batches.create'] },
];

/** ollama-js `systemone({ model, state, questions })`: the model answers structured questions about a state. */
const OLLAMA_SYSTEMONE: MethodRow = { api: 'systemone', kind: 'chat', js: ['systemone'] };

/** OpenAI-compatible SDKs (Groq, Together, ...) share the OpenAI method shapes. */
const OPENAI_COMPATIBLE = OPENAI_METHODS.filter((m) => /^(chat|completions|embeddings|images|audio)/.test(m.api));

export const SDKS: SdkRow[] = [
  {
    sdk: 'openai',
    packages: { py: ['openai'], js: ['openai'] },
    clients: [
      { name: 'OpenAI', langs: ['py', 'js'] },
      { name: 'AsyncOpenAI', langs: ['py'] },
      { name: 'AzureOpenAI', langs: ['py', 'js'] },
      { name: 'AsyncAzureOpenAI', langs: ['py'] },
    ],
    methods: OPENAI_METHODS,
    moduleClient: ['py'],
    functions: [
      // openai < 1.0 module-level API, still common in older code
      chat('chat.completions.create', ['ChatCompletion.create', 'ChatCompletion.acreate'], []),
      { api: 'completions.create', kind: 'completion', py: ['Completion.create', 'Completion.acreate'] },
      { api: 'embeddings.create', kind: 'embedding', py: ['Embedding.create', 'Embedding.acreate'] },
      // openai < 1.0 helpers: get_embedding(text, engine=…) is one Embedding.create request
      { api: 'embeddings.create', kind: 'embedding', py: ['embeddings_utils.get_embedding', 'embeddings_utils.aget_embedding', 'embeddings_utils.get_embeddings', 'embeddings_utils.aget_embeddings'], promptPos: 0 },
      { api: 'images.generate', kind: 'image', py: ['Image.create'] },
    ],
  },
  {
    sdk: 'anthropic',
    packages: { py: ['anthropic'], js: ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/vertex-sdk'] },
    clients: [
      { name: 'Anthropic', langs: ['py', 'js'] },
      { name: 'AsyncAnthropic', langs: ['py'] },
      { name: 'AnthropicBedrock', langs: ['py', 'js'] },
      { name: 'AsyncAnthropicBedrock', langs: ['py'] },
      { name: 'AnthropicVertex', langs: ['py', 'js'] },
      { name: 'AsyncAnthropicVertex', langs: ['py'] },
    ],
    methods: [
      chat('messages.create', ['messages.create', 'beta.messages.create']),
      chat('messages.parse', ['messages.parse', 'beta.messages.parse']),
      chat('messages.stream', ['messages.stream', 'beta.messages.stream'], undefined, { streaming: true }),
      // the SDK's tool loop: runs the model until it stops calling tools
      chat('beta.messages.tool_runner', ['beta.messages.tool_runner'], ['beta.messages.toolRunner']),
      // Message Batches: many requests at the batch price (50 % of the standard price)
      { api: 'messages.batches.create', kind: 'batch', py: ['messages.batches.create', 'beta.messages.batches.create'], js: ['messages.batches.create', 'beta.messages.batches.create'], requestPath: ['requests', '0', 'params'] },
      chat('completions.create', ['completions.create']),
    ],
  },
  {
    sdk: 'google',
    packages: { py: ['google.genai', 'google.generativeai', 'vertexai.generative_models', 'vertexai.preview.generative_models'], js: ['@google/genai', '@google/generative-ai'] },
    clients: [
      { name: 'Client', langs: ['py'] },
      { name: 'GoogleGenAI', langs: ['js'] },
      { name: 'GenerativeModel', langs: ['py'], modelKeys: ['model_name', 'model'], modelPos: 0, role: 'client' },
      { name: 'GoogleGenerativeAI', langs: ['js'] },
    ],
    methods: [
      chat('models.generate_content', ['models.generate_content', 'aio.models.generate_content'], ['models.generateContent']),
      chat('models.generate_content_stream', ['models.generate_content_stream', 'aio.models.generate_content_stream'], ['models.generateContentStream'], { streaming: true }),
      { api: 'models.embed_content', kind: 'embedding', py: ['models.embed_content', 'aio.models.embed_content'], js: ['models.embedContent'] },
      { api: 'models.generate_images', kind: 'image', py: ['models.generate_images'], js: ['models.generateImages'] },
      // Batch Mode: batches.create(model=…, src=[inline requests] or a file name)
      { api: 'batches.create', kind: 'batch', py: ['batches.create', 'aio.batches.create'], js: ['batches.create'], requestPath: ['src', '0'] },
      chat('chats.send_message', ['chats.create.send_message'], ['chats.create.sendMessage']),
      chat('chats.send_message_stream', ['chats.create.send_message_stream'], ['chats.create.sendMessageStream'], { streaming: true }),
      // GenerativeModel(...) objects (google.generativeai, vertexai) and getGenerativeModel() in JS
      chat('generate_content', ['generate_content', 'generate_content_async'], ['generateContent', 'getGenerativeModel.generateContent']),
      chat('generate_content_stream', [], ['generateContentStream', 'getGenerativeModel.generateContentStream'], { streaming: true }),
      chat('start_chat.send_message', ['start_chat.send_message', 'start_chat.send_message_async'], ['startChat.sendMessage']),
    ],
    functions: [
      { api: 'embed_content', kind: 'embedding', py: ['embed_content'] },
    ],
  },
  {
    sdk: 'bedrock',
    packages: { py: ['boto3', 'aioboto3'], js: ['@aws-sdk/client-bedrock-runtime'] },
    // boto3.client("bedrock-runtime") is recognised by the language module through BEDROCK_SERVICE
    clients: [{ name: 'BedrockRuntimeClient', langs: ['js'] }],
    methods: [
      chat('invoke_model', ['invoke_model'], ['InvokeModelCommand']),
      chat('invoke_model_with_response_stream', ['invoke_model_with_response_stream'], ['InvokeModelWithResponseStreamCommand'], { streaming: true }),
      chat('converse', ['converse'], ['ConverseCommand']),
      chat('converse_stream', ['converse_stream'], ['ConverseStreamCommand'], { streaming: true }),
    ],
  },
  {
    sdk: 'litellm',
    packages: { py: ['litellm'] },
    clients: [{ name: 'Router', langs: ['py'] }],
    methods: [
      chat('completion', ['completion', 'acompletion']),
      { api: 'embedding', kind: 'embedding', py: ['embedding', 'aembedding'] },
    ],
    functions: [
      chat('completion', ['completion', 'acompletion'], [], { modelPos: 0, promptPos: 1 }),
      { api: 'embedding', kind: 'embedding', py: ['embedding', 'aembedding'], modelPos: 0 },
      { api: 'image_generation', kind: 'image', py: ['image_generation'] },
    ],
  },
  {
    sdk: 'langchain',
    packages: {
      py: ['langchain_openai', 'langchain_anthropic', 'langchain_google_genai', 'langchain_google_vertexai', 'langchain_aws', 'langchain_ollama', 'langchain_community.chat_models', 'langchain_mistralai', 'langchain_groq', 'langchain_cohere', 'langchain_together', 'langchain.chat_models', 'langchain_core.language_models', 'langchain_openai.chat_models',
        // where the abstract model/runnable classes below live (current and pre-0.1 paths)
        'langchain_core.runnables', 'langchain.schema', 'langchain.base_language', 'langchain.llms', 'langchain_community.llms'],
      js: ['@langchain/openai', '@langchain/anthropic', '@langchain/google-genai', '@langchain/aws', '@langchain/ollama', '@langchain/mistralai', '@langchain/groq', '@langchain/community/chat_models/ollama', 'langchain/chat_models/universal', '@langchain/core/language_models'],
    },
    clients: [
      ...['ChatOpenAI', 'AzureChatOpenAI', 'ChatAnthropic', 'ChatGoogleGenerativeAI', 'ChatVertexAI', 'ChatBedrock', 'ChatBedrockConverse', 'ChatMistralAI', 'ChatGroq', 'ChatCohere', 'ChatTogether', 'OpenAI']
        .map((name): ClientRow => ({ name, langs: ['py', 'js'], role: 'model', modelKeys: ['model', 'model_name', 'modelName', 'model_id'], deploymentKeys: LANGCHAIN_DEPLOYMENT_KEYS })),
      { name: 'ChatOllama', langs: ['py', 'js'], role: 'model', modelKeys: ['model'], selfHosted: true },
      { name: 'OllamaLLM', langs: ['py'], role: 'model', modelKeys: ['model'], selfHosted: true },
      // the pre-0.1 completion-model wrapper (`from langchain.llms import Ollama`, langchain_community.llms)
      { name: 'Ollama', langs: ['py'], role: 'model', modelKeys: ['model'], selfHosted: true },
      { name: 'init_chat_model', langs: ['py'], role: 'model', modelKeys: ['model'], modelPos: 0 },
      { name: 'initChatModel', langs: ['js'], role: 'model', modelKeys: ['model'], modelPos: 0 },
      // abstract base classes: a model injected through a typed parameter or field (`llm: BaseChatModel`), model unknown
      ...['BaseChatModel', 'BaseLanguageModel', 'BaseLLM'].map((name): ClientRow => ({ name, langs: ['py', 'js'], role: 'model', modelKeys: [] })),
      // Python: a parameter typed as any runnable (`chain: Runnable`) is invoked like a model; what it wraps is unknown
      ...['Runnable', 'RunnableSerializable'].map((name): ClientRow => ({ name, langs: ['py'], role: 'model', modelKeys: [] })),
    ],
    composers: LANGCHAIN_COMPOSERS,
    // invocations of a model object, a chain built from it (prompt | llm, RunnableSequence) or an agent
    methods: [
      chat('invoke', ['invoke', 'ainvoke']),
      chat('stream', ['stream', 'astream', 'astream_events', 'astream_log'], ['stream', 'streamEvents', 'streamLog'], { streaming: true }),
      chat('batch', ['batch', 'abatch'], ['batch']),
    ],
  },
  ...FRAMEWORKS,
  ...AZURE_SDKS,
  ...HUGGINGFACE_SDKS,
  {
    sdk: 'vercel-ai',
    packages: { js: ['ai'] },
    clients: [],
    methods: [],
    functions: [
      { api: 'generateText', kind: 'chat', js: ['generateText'] },
      { api: 'streamText', kind: 'chat', js: ['streamText'], streaming: true },
      { api: 'generateObject', kind: 'chat', js: ['generateObject'] },
      { api: 'streamObject', kind: 'chat', js: ['streamObject'], streaming: true },
      { api: 'embed', kind: 'embedding', js: ['embed'] },
      { api: 'embedMany', kind: 'embedding', js: ['embedMany'] },
    ],
  },
  {
    sdk: 'ollama',
    packages: { py: ['ollama'], js: ['ollama', 'ollama/browser'] },
    clients: [
      { name: 'Client', langs: ['py'], selfHosted: true },
      { name: 'AsyncClient', langs: ['py'], selfHosted: true },
      { name: 'Ollama', langs: ['js'], selfHosted: true },
    ],
    // ollama-python's signatures: chat(model, messages), generate(model, prompt), embed(model, input)
    methods: [
      chat('chat', ['chat'], ['chat'], { modelPos: 0, promptPos: 1 }),
      { api: 'generate', kind: 'completion', py: ['generate'], js: ['generate'], modelPos: 0 },
      { api: 'embed', kind: 'embedding', py: ['embed', 'embeddings'], js: ['embed', 'embeddings'], modelPos: 0 },
      OLLAMA_SYSTEMONE,
    ],
    functions: [
      chat('chat', ['chat'], ['chat'], { modelPos: 0 }),
      { api: 'generate', kind: 'completion', py: ['generate'], js: ['generate'], modelPos: 0 },
      { api: 'embed', kind: 'embedding', py: ['embed', 'embeddings'], js: ['embed', 'embeddings'], modelPos: 0 },
      OLLAMA_SYSTEMONE,
    ],
  },
  {
    sdk: 'mistral',
    packages: { py: ['mistralai'], js: ['@mistralai/mistralai'] },
    clients: [{ name: 'Mistral', langs: ['py', 'js'] }, { name: 'MistralClient', langs: ['py', 'js'] }],
    methods: [
      chat('chat.complete', ['chat.complete', 'chat.complete_async', 'chat'], ['chat.complete', 'chat']),
      chat('chat.stream', ['chat.stream', 'chat.stream_async', 'chat_stream'], ['chat.stream', 'chatStream'], { streaming: true }),
      { api: 'embeddings.create', kind: 'embedding', py: ['embeddings.create', 'embeddings'], js: ['embeddings.create', 'embeddings'] },
    ],
  },
  {
    sdk: 'cohere',
    packages: { py: ['cohere'], js: ['cohere-ai'] },
    clients: ['Client', 'ClientV2', 'AsyncClient', 'AsyncClientV2', 'CohereClient', 'CohereClientV2'].map((name): ClientRow => ({ name, langs: name.startsWith('Cohere') ? ['js'] : ['py'] })),
    methods: [
      chat('chat', ['chat'], ['chat']),
      chat('chat_stream', ['chat_stream'], ['chatStream'], { streaming: true }),
      { api: 'embed', kind: 'embedding', py: ['embed'], js: ['embed'] },
      { api: 'generate', kind: 'completion', py: ['generate'], js: ['generate'] },
    ],
  },
  {
    sdk: 'groq',
    packages: { py: ['groq'], js: ['groq-sdk'] },
    clients: [{ name: 'Groq', langs: ['py', 'js'] }, { name: 'AsyncGroq', langs: ['py'] }],
    methods: OPENAI_COMPATIBLE,
  },
  {
    sdk: 'together',
    packages: { py: ['together'], js: ['together-ai'] },
    clients: [{ name: 'Together', langs: ['py', 'js'] }, { name: 'AsyncTogether', langs: ['py'] }],
    methods: OPENAI_COMPATIBLE,
  },
  {
    sdk: 'voyage',
    packages: { py: ['voyageai'], js: ['voyageai'] },
    clients: [{ name: 'Client', langs: ['py'] }, { name: 'AsyncClient', langs: ['py'] }, { name: 'VoyageAIClient', langs: ['js'] }],
    methods: [{ api: 'embed', kind: 'embedding', py: ['embed', 'contextualized_embed', 'multimodal_embed'], js: ['embed'], promptPos: 0 }],
  },
  {
    sdk: 'zhipuai',
    packages: { py: ['zhipuai', 'zai'], js: ['zhipuai-sdk-nodejs-v4'] },
    clients: [{ name: 'ZhipuAI', langs: ['py', 'js'] }, { name: 'ZaiClient', langs: ['py'] }, { name: 'ZhipuAiClient', langs: ['py'] }],
    methods: OPENAI_COMPATIBLE.filter((m) => m.api === 'chat.completions.create' || m.api === 'embeddings.create' || m.api === 'images.generate'),
  },
];

/** boto3.client("<service>") services that serve model inference. */
export const BEDROCK_SERVICES = ['bedrock-runtime'];

/** Argument names carrying the model, the output cap and the request body pieces, across SDKs. */
export const MODEL_KEYS = ['model', 'modelId', 'model_id', 'model_name', 'modelName', 'engine', 'deployment_id'];
export const MAX_TOKEN_KEYS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'maxTokens', 'maxOutputTokens', 'max_new_tokens', 'num_predict', 'maxCompletionTokens', 'max_tokens_to_sample'];
export const BASE_URL_KEYS = ['base_url', 'baseURL', 'baseUrl', 'api_base', 'openai_api_base', 'host', 'azure_endpoint', 'endpoint'];

/**
 * Reasoning budgets for `reasoning_effort` / `reasoning.effort`. OpenAI does not publish token figures;
 * these are the budgets Google documents for the same setting in its OpenAI-compatible API
 * (ai.google.dev/gemini-api/docs/openai#thinking: low 1,024, medium 8,192, high 24,576).
 */
export const REASONING_EFFORT_TOKENS: Record<string, number> = { minimal: 0, none: 0, low: 1024, medium: 8192, high: 24576 };

export { AI_SDK_PROVIDERS, API_HOSTS, HTTP_CLIENTS, HTTP_ENDPOINTS } from './httpTable';

/** Lower-case substrings; a file mentioning none of them is not parsed at all. */
export const PREFILTER_NEEDLES: string[] = [
  ...new Set([
    'openai', 'anthropic', 'genai', 'generativeai', 'generative_models', 'bedrock', 'litellm', 'langchain', 'ollama',
    'mistral', 'cohere', 'groq', 'together', 'voyage', 'zhipuai', 'zai', 'ai.inference', 'ai-inference', 'ai.agents', 'ai.projects', '"ai"', "'ai'", '@ai-sdk',
    'huggingface',
    // method names, for files that use a client or model imported from another module of the workspace
    'completions.create', 'messages.create', 'messages.stream', 'generate_content', 'invoke_model', '.converse(',
    // a LangChain model built in another module (`from models import llm; llm.invoke(...)`)
    '.invoke(', '.ainvoke(',
    // agent and LLM frameworks (frameworks.ts); openai-agents' package is `agents`
    'from agents', 'import agents', '.crew().', 'pydantic_ai', 'llama_index', 'crewai', 'dspy', 'haystack', '@mastra/', '@openai/agents',
    '/chat/completions', '/v1/messages', '/api/chat', '/api/generate', '/api/embed', 'generatecontent', '/v1/completions', '/v1/embeddings', '/v1/responses',
    // the request shapes recognised without a resolved client (receivers.ts): `client.embeddings.create(model=…,
    // input=…)` with `client` a parameter is a call whatever else the file mentions
    ...INFERRED_RECEIVERS.flatMap((r) => [...r.paths, ...r.js]).map((p) => p.toLowerCase()),
  ]),
];

/** Looks up a client constructor by exported name for a language. */
export function findClient(lang: Lang, sdk: Sdk, name: string): ClientRow | undefined {
  return SDKS.find((s) => s.sdk === sdk)?.clients.find((c) => c.name === name && c.langs.includes(lang));
}

/**
 * sdkForModule's answers (the table is constant): asked for every import and module value a front end meets, the
 * search over every row's packages was ~20 ms of a cold scan's worker. Bounded: a workspace of more distinct module
 * names than this starts again.
 */
const MODULE_ROWS: Record<Lang, Map<string, SdkRow | null>> = { py: new Map(), js: new Map() };
const MODULE_ROWS_LIMIT = 10_000;

/** The SDK rows whose package list (for `lang`) contains `moduleName` or a parent of it. */
export function sdkForModule(lang: Lang, moduleName: string): SdkRow | undefined {
  const memo = MODULE_ROWS[lang];
  let row = memo.get(moduleName);
  if (row === undefined) {
    row = SDKS.find((s) => (s.packages[lang] ?? []).some((p) => moduleName === p || moduleName.startsWith(p + '.') || moduleName.startsWith(p + '/'))) ?? null;
    if (memo.size >= MODULE_ROWS_LIMIT) memo.clear();
    memo.set(moduleName, row);
  }
  return row ?? undefined;
}


/** Method row matching an attribute path on a client (e.g. 'chat.completions.create'). */
export function findMethod(lang: Lang, row: SdkRow, path: string, functions = false): MethodRow | undefined {
  return (functions ? row.functions ?? [] : row.methods).find((m) => (m[lang] ?? []).includes(path));
}

/** LangChain's composers (agents, wrappers, sequences, prompt templates) for a language, from the SDK table. */
export function composers(lang: Lang): Composers {
  return SDKS.find((s) => s.sdk === 'langchain')!.composers![lang];
}
