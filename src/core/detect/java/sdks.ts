// Java SDKs and frameworks that make LLM requests: the rows the Java front end matches (frontend/rows.ts).
import type { ForeignClient, ForeignMethod, ForeignSdk } from '../frontend/rows';

const m = (api: string, kind: ForeignMethod['kind'], paths: string[], extra: Partial<ForeignMethod> = {}): ForeignMethod => ({ api, kind, paths, ...extra });
const LC4J_CHAT = ['OpenAiChatModel', 'AzureOpenAiChatModel', 'AnthropicChatModel', 'GoogleAiGeminiChatModel', 'VertexAiGeminiChatModel', 'MistralAiChatModel',
  'BedrockChatModel', 'OpenAiStreamingChatModel', 'AnthropicStreamingChatModel', 'ChatLanguageModel', 'StreamingChatLanguageModel', 'ChatModel', 'StreamingChatModel'];
const LC4J_EMBED = ['OpenAiEmbeddingModel', 'AzureOpenAiEmbeddingModel', 'EmbeddingModel'];
const SPRING_CLIENTS = ['ChatClient', 'ChatModel', 'OpenAiChatModel', 'AnthropicChatModel', 'AzureOpenAiChatModel', 'VertexAiGeminiChatModel', 'MistralAiChatModel'];

export const JAVA_SDKS: ForeignSdk[] = [
  {
    sdk: 'openai',
    imports: ['com.openai.'],
    clients: [{ name: 'OpenAIOkHttpClient' }, { name: 'OpenAIClient' }],
    methods: [
      m('chat.completions.create', 'chat', ['chat.completions.create'], { requestPos: 0 }),
      m('chat.completions.stream', 'chat', ['chat.completions.createStreaming'], { requestPos: 0, streaming: true }),
      m('responses.create', 'responses', ['responses.create'], { requestPos: 0 }),
      m('responses.stream', 'responses', ['responses.createStreaming'], { requestPos: 0, streaming: true }),
      m('embeddings.create', 'embedding', ['embeddings.create'], { requestPos: 0 }),
      m('completions.create', 'completion', ['completions.create'], { requestPos: 0 }),
      m('images.generate', 'image', ['images.generate'], { requestPos: 0 }),
      // Assistants: a run executes the assistant's model; `threads().messages().create` only stores a message
      m('beta.threads.runs.create', 'chat', ['beta.threads.runs.create', 'beta.threads.createAndRun'], { requestPos: 0 }),
    ],
  },
  {
    sdk: 'anthropic',
    imports: ['com.anthropic.'],
    clients: [{ name: 'AnthropicOkHttpClient' }, { name: 'AnthropicClient' }],
    methods: [
      m('messages.create', 'chat', ['messages.create', 'beta.messages.create'], { requestPos: 0 }),
      m('messages.stream', 'chat', ['messages.createStreaming', 'beta.messages.createStreaming'], { requestPos: 0, streaming: true }),
    ],
  },
  {
    sdk: 'langchain',
    imports: ['dev.langchain4j.'],
    clients: [
      ...LC4J_CHAT.map((name): ForeignClient => ({ name })),
      ...LC4J_EMBED.map((name): ForeignClient => ({ name })),
      { name: 'OllamaChatModel', selfHosted: true }, { name: 'OllamaStreamingChatModel', selfHosted: true },
    ],
    methods: [
      m('invoke', 'chat', ['chat', 'generate'], { promptPos: 'all', strictReceiver: true }),
      m('embed', 'embedding', ['embed', 'embedAll'], { promptPos: 0, strictReceiver: true }),
    ],
  },
  {
    sdk: 'spring-ai',
    imports: ['org.springframework.ai.'],
    clients: [...SPRING_CLIENTS.map((name): ForeignClient => ({ name })), { name: 'OllamaChatModel', selfHosted: true }],
    methods: [
      // chatClient.prompt().user(q).call() builds the request on the receiver; chatModel.call(prompt) takes it
      m('chat_client.call', 'chat', ['call'], { promptPos: 0, requestFromReceiver: true, strictReceiver: true }),
      m('chat_client.stream', 'chat', ['stream'], { promptPos: 0, requestFromReceiver: true, strictReceiver: true, streaming: true }),
    ],
  },
];
