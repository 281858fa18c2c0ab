// Agent and LLM frameworks as rows of the SDK table (sdks.ts). The call site is where the workspace runs the
// framework (an agent run, a query engine query, a crew kickoff); the model comes from the agent / LLM object's
// constructor, else the framework's documented default (reported as modelSource 'framework-default').
// One run usually makes several model requests: `calls` is the documented default costed as callsPerRequest.
import type { CallsPerRequest, ClientRow, MethodRow, SdkRow } from './sdks';

/** An agent loop: the model is asked, calls a tool, is asked again with the result, then answers. */
export const AGENT_TURNS: CallsPerRequest = { n: 3, basis: 'assumed 3 model turns per agent run (one tool round trip + the answer)' };
const RAG: CallsPerRequest = { n: 2, basis: 'assumed 1 query embedding + 1 synthesis call per query (compact mode: the top-k chunks fit one prompt), both costed at the LLM\'s price' };
const CREW: CallsPerRequest = { n: 4, basis: 'assumed 4 model turns per kickoff (2 tasks × a tool round trip and an answer)' };

const client = (name: string, langs: ClientRow['langs'], extra: Partial<ClientRow> = {}): ClientRow => ({ name, langs, modelKeys: ['model'], ...extra });
const agentRun = (api: string, py: string[], js: string[] = [], extra: Partial<MethodRow> = {}): MethodRow => ({ api, kind: 'agent', py, js, calls: AGENT_TURNS, ...extra });

const OPENAI_AGENTS_DEFAULT = { model: 'gpt-4.1', basis: 'openai-agents default model when OPENAI_DEFAULT_MODEL is unset (@openai/agents-core 0.3–0.5 getDefaultModel; newer releases may differ)' };
const CREWAI_DEFAULT = { model: 'gpt-4o-mini', basis: 'CrewAI default: OPENAI_MODEL_NAME, "gpt-4o-mini" when unset (docs.crewai.com, Connect CrewAI to LLMs)' };
const LLAMAINDEX_DEFAULT = { model: 'gpt-3.5-turbo', basis: 'LlamaIndex default LLM when Settings.llm is unset: OpenAI gpt-3.5-turbo (developers.llamaindex.ai, Customizing LLMs)' };
const HAYSTACK_DEFAULT = { model: 'gpt-4o-mini', basis: 'Haystack OpenAIGenerator / OpenAIChatGenerator default model' };

const PYDANTIC_AI_MODELS = ['OpenAIChatModel', 'OpenAIModel', 'OpenAIResponsesModel', 'AnthropicModel', 'GeminiModel', 'GoogleModel', 'GroqModel', 'MistralModel', 'CohereModel', 'BedrockConverseModel', 'HuggingFaceModel'];

export const FRAMEWORKS: SdkRow[] = [
  {
    sdk: 'openai-agents',
    packages: { py: ['agents'], js: ['@openai/agents', '@openai/agents-core', '@openai/agents-openai'] },
    localFirst: true,
    clients: [
      client('Agent', ['py', 'js'], { defaultModel: OPENAI_AGENTS_DEFAULT }),
      // model objects given as the agent's model: Python (model, openai_client), JS (client, model)
      ...['OpenAIChatCompletionsModel', 'OpenAIResponsesModel'].flatMap((name) => [client(name, ['py'], { modelPos: 0 }), client(name, ['js'], { modelPos: 1 })]),
    ],
    methods: [],
    functions: [
      agentRun('Runner.run', ['Runner.run', 'Runner.run_sync'], ['run'], { agentPos: 0, promptPos: 1, modelOverrides: ['run_config'] }),
      agentRun('Runner.run_streamed', ['Runner.run_streamed'], [], { agentPos: 0, promptPos: 1, streaming: true, modelOverrides: ['run_config'] }),
    ],
  },
  {
    sdk: 'pydantic-ai',
    packages: { py: ['pydantic_ai'] },
    providerPrefix: true,
    clients: [
      client('Agent', ['py'], { modelPos: 0 }),
      // model objects given to Agent(...): OpenAIChatModel("gpt-4o", provider=…), AnthropicModel(…), …
      ...PYDANTIC_AI_MODELS.map((name) => client(name, ['py'], { modelKeys: ['model_name'], modelPos: 0 })),
    ],
    methods: [
      agentRun('Agent.run', ['run', 'run_sync', 'iter'], [], { promptPos: 0 }),
      agentRun('Agent.run_stream', ['run_stream'], [], { promptPos: 0, streaming: true }),
    ],
    functions: [
      { api: 'direct.model_request', kind: 'chat', py: ['direct.model_request', 'direct.model_request_sync'], modelPos: 0, promptPos: 1 },
      { api: 'direct.model_request_stream', kind: 'chat', py: ['direct.model_request_stream', 'direct.model_request_stream_sync'], modelPos: 0, promptPos: 1, streaming: true },
    ],
  },
  {
    sdk: 'llamaindex',
    packages: { py: ['llama_index.llms', 'llama_index.core'] },
    clients: [
      ...['OpenAI', 'AzureOpenAI', 'OpenAILike', 'Anthropic', 'Groq', 'MistralAI', 'Gemini', 'GoogleGenAI', 'Bedrock', 'BedrockConverse', 'LiteLLM', 'TogetherLLM', 'Cohere']
        .map((name) => client(name, ['py'], { modelKeys: ['model', 'engine', 'deployment_name'], ...(name === 'OpenAI' ? { defaultModel: LLAMAINDEX_DEFAULT } : {}) })),
      client('Ollama', ['py'], { selfHosted: true }),
      // an index: its query/chat engines retrieve and then synthesise with Settings.llm (or `llm=`)
      ...['VectorStoreIndex', 'VectorStoreIndex.from_documents', 'VectorStoreIndex.from_vector_store', 'load_index_from_storage', 'SummaryIndex', 'SummaryIndex.from_documents']
        .map((name) => client(name, ['py'], { modelKeys: ['llm'], defaultModel: LLAMAINDEX_DEFAULT })),
    ],
    methods: [
      { api: 'complete', kind: 'completion', py: ['complete', 'acomplete'], promptPos: 0 },
      { api: 'stream_complete', kind: 'completion', py: ['stream_complete', 'astream_complete'], promptPos: 0, streaming: true },
      { api: 'chat', kind: 'chat', py: ['chat', 'achat'], promptPos: 0 },
      { api: 'stream_chat', kind: 'chat', py: ['stream_chat', 'astream_chat'], promptPos: 0, streaming: true },
      { api: 'query_engine.query', kind: 'rag', py: ['as_query_engine.query', 'as_query_engine.aquery'], promptPos: 0, calls: RAG },
      { api: 'chat_engine.chat', kind: 'rag', py: ['as_chat_engine.chat', 'as_chat_engine.achat', 'as_chat_engine.stream_chat'], promptPos: 0, calls: RAG },
    ],
  },
  {
    sdk: 'crewai',
    packages: { py: ['crewai'] },
    clients: [
      client('Crew', ['py'], { modelKeys: ['manager_llm', 'agents'], defaultModel: CREWAI_DEFAULT }),
      client('Agent', ['py'], { modelKeys: ['llm'], defaultModel: CREWAI_DEFAULT }),
      client('LLM', ['py'], { modelPos: 0 }),
    ],
    methods: [
      agentRun('Crew.kickoff', ['kickoff', 'kickoff_async', 'kickoff_for_each', 'kickoff_for_each_async', 'akickoff'], [], { calls: CREW }),
      { api: 'LLM.call', kind: 'chat', py: ['call'], promptPos: 0 },
    ],
  },
  {
    sdk: 'dspy',
    packages: { py: ['dspy'] },
    // a program is run by calling it; its LM is the one given to dspy.configure(lm=...) in the file
    clients: [
      client('LM', ['py'], { modelPos: 0 }),
      // dspy < 2.5 LM clients (`dspy.OpenAI(model=…)`), still in many examples
      ...['OpenAI', 'GPT3', 'AzureOpenAI', 'Claude', 'Together'].map((name) => client(name, ['py'])),
      client('OllamaLocal', ['py'], { modelPos: 0, selfHosted: true }),
      ...['Predict', 'ChainOfThought', 'ProgramOfThought', 'MultiChainComparison', 'TypedPredictor', 'TypedChainOfThought'].map((name) => client(name, ['py'], { modelKeys: [] })),
    ],
    methods: [
      { api: 'Module.__call__', kind: 'chat', py: ['__call__', 'acall'] },
    ],
  },
  {
    sdk: 'haystack',
    packages: { py: ['haystack.components.generators', 'haystack_integrations.components.generators'] },
    clients: [
      ...['OpenAIGenerator', 'OpenAIChatGenerator', 'AzureOpenAIGenerator', 'AzureOpenAIChatGenerator']
        .map((name) => client(name, ['py'], { modelKeys: ['model', 'azure_deployment'], defaultModel: HAYSTACK_DEFAULT })),
      ...['AnthropicGenerator', 'AnthropicChatGenerator', 'GoogleGenAIChatGenerator', 'MistralChatGenerator', 'CohereGenerator', 'CohereChatGenerator', 'AmazonBedrockGenerator', 'AmazonBedrockChatGenerator']
        .map((name) => client(name, ['py'], { modelKeys: ['model', 'model_id'] })),
      ...['OllamaGenerator', 'OllamaChatGenerator'].map((name) => client(name, ['py'], { selfHosted: true })),
    ],
    methods: [
      { api: 'Generator.run', kind: 'chat', py: ['run', 'run_async'], promptPos: 0 },
      // a pipeline's run: found through the generators added to it (py/pipelines.ts), not by method path
      { api: 'Pipeline.run', kind: 'chat', py: [] },
      { api: 'streaming_generator', kind: 'chat', py: [], streaming: true },
    ],
  },
  {
    sdk: 'mastra',
    packages: { js: ['@mastra/core', '@mastra/core/agent', '@mastra/core/mastra'] },
    // the registry; its early LLM API `mastra.LLM({ provider, name: 'gpt-4o' }).generate(…)` names the model `name`
    clients: [client('Agent', ['js']), client('Mastra', ['js'], { modelKeys: ['name'] })],
    methods: [
      agentRun('Agent.generate', [], ['generate', 'generateVNext'], { promptPos: 0 }),
      agentRun('Agent.stream', [], ['stream', 'streamVNext'], { promptPos: 0, streaming: true }),
      { api: 'LLM.generate', kind: 'chat', js: ['LLM.generate'], promptPos: 0 },
      { api: 'LLM.stream', kind: 'chat', js: ['LLM.stream'], promptPos: 0, streaming: true },
    ],
  },
];
