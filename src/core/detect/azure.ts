// Azure's own inference SDKs as rows of the SDK table (sdks.ts). (`AzureOpenAI` of the `openai` packages is an
// openai client; these are the Azure-only packages.)
//   azure-ai-inference: Azure AI Foundry / GitHub Models model inference — Python `azure.ai.inference`
//     (ChatCompletionsClient.complete, EmbeddingsClient.embed) and the JS REST client `@azure-rest/ai-inference`
//     (`ModelClient(endpoint, cred).path("/chat/completions").post({ body })`: the route names the request).
//   azure-openai: `@azure/openai` 1.0 beta's OpenAIClient (`getChatCompletions(deploymentName, messages, options)`);
//     the deployment name stands for the model, as `azure_deployment` does elsewhere.
import type { MethodRow, SdkRow } from './sdks';

const BODY = ['body'];
const rest = (route: string, api: string, kind: MethodRow['kind']): MethodRow => ({ api, kind, js: ['path.post'], route, requestPath: BODY });
const REST_ROUTES: MethodRow[] = [
  rest('/chat/completions', 'chat/completions', 'chat'),
  rest('/embeddings', 'embeddings', 'embedding'),
  rest('/images/embeddings', 'images/embeddings', 'embedding'),
];
const deployment = (api: string, kind: MethodRow['kind'], js: string[], streaming = false): MethodRow =>
  ({ api, kind, js, modelPos: 0, promptPos: 1, optionsPos: 2, ...(streaming ? { streaming } : {}) });

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
