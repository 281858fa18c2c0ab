// Azure's own inference SDKs as rows of the SDK table (sdks.ts). (`AzureOpenAI` of the `openai` packages is an
// openai client; these are the Azure-only packages.)
//   azure-ai-inference: Azure AI Foundry / GitHub Models model inference — Python `azure.ai.inference`
//     (ChatCompletionsClient.complete, EmbeddingsClient.embed) and the JS REST client `@azure-rest/ai-inference`
//     (`ModelClient(endpoint, cred).path("/chat/completions").post({ body })`: the route names the request).
//   azure-ai-agents: Azure AI Foundry Agent Service runs (Python `azure.ai.agents` AgentsClient, also reached as
//     `AIProjectClient(...).agents`): a run is an agent loop; the model is the one `create_agent(model=…)` gave the
//     agent passed as `agent_id=agent.id`, when that agent is created in the file.
//   azure-openai: `@azure/openai` 1.0 beta's OpenAIClient (`getChatCompletions(deploymentName, messages, options)`);
//     the deployment name stands for the model, as `azure_deployment` does elsewhere.
import type { MethodRow, SdkRow } from './sdks';
import { AGENT_TURNS } from './frameworks';

const BODY = ['body'];
const rest = (route: string, api: string, kind: MethodRow['kind']): MethodRow => ({ api, kind, js: ['path.post'], route, requestPath: BODY });
const REST_ROUTES: MethodRow[] = [
  rest('/chat/completions', 'chat/completions', 'chat'),
  rest('/embeddings', 'embeddings', 'embedding'),
  rest('/images/embeddings', 'images/embeddings', 'embedding'),
];
const deployment = (api: string, kind: MethodRow['kind'], js: string[], streaming = false): MethodRow =>
  ({ api, kind, js, modelPos: 0, promptPos: 1, optionsPos: 2, ...(streaming ? { streaming } : {}) });

const agentRun = (api: string, paths: string[]): MethodRow =>
  ({ api, kind: 'agent', py: [...paths, ...paths.map((p) => `agents.${p}`)], agentKey: 'agent_id', calls: AGENT_TURNS });

export const AZURE_SDKS: SdkRow[] = [
  {
    sdk: 'azure-ai-inference',
    packages: { py: ['azure.ai.inference'], js: ['@azure-rest/ai-inference'] },
    clients: [
      { name: 'ChatCompletionsClient', langs: ['py'], modelKeys: ['model'] },
      { name: 'EmbeddingsClient', langs: ['py'], modelKeys: ['model'] },
      { name: 'ImageEmbeddingsClient', langs: ['py'], modelKeys: ['model'] },
      // the package's default export, called with or without `new`
      { name: 'ModelClient', langs: ['js'] },
    ],
    methods: [
      { api: 'complete', kind: 'chat', py: ['complete'] },
      { api: 'embed', kind: 'embedding', py: ['embed'] },
      ...REST_ROUTES,
    ],
    functions: REST_ROUTES,
  },
  {
    sdk: 'azure-ai-agents',
    packages: { py: ['azure.ai.agents', 'azure.ai.projects'] },
    clients: [{ name: 'AgentsClient', langs: ['py'] }, { name: 'AIProjectClient', langs: ['py'] }],
    methods: [
      agentRun('runs.create_and_process', ['runs.create_and_process', 'create_and_process_run', 'create_thread_and_process_run']),
      agentRun('runs.create', ['runs.create', 'create_run', 'create_thread_and_run']),
      { ...agentRun('runs.stream', ['runs.stream', 'create_stream']), streaming: true },
    ],
  },
  {
    sdk: 'azure-openai',
    packages: { js: ['@azure/openai'] },
    clients: [{ name: 'OpenAIClient', langs: ['js'] }],
    methods: [
      deployment('getChatCompletions', 'chat', ['getChatCompletions']),
      deployment('streamChatCompletions', 'chat', ['streamChatCompletions'], true),
      deployment('getCompletions', 'completion', ['getCompletions']),
      deployment('streamCompletions', 'completion', ['streamCompletions'], true),
      deployment('getEmbeddings', 'embedding', ['getEmbeddings']),
      deployment('getImages', 'image', ['getImages']),
    ],
  },
];
