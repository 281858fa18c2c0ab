// C# SDKs and frameworks that make LLM requests: the rows the C# front end matches (frontend/rows.ts).
import type { ForeignMethod, ForeignSdk } from '../frontend/rows';

const m = (api: string, kind: ForeignMethod['kind'], paths: string[], extra: Partial<ForeignMethod> = {}): ForeignMethod => ({ api, kind, paths, ...extra });

/** Option names as the request interpreter spells them (after PascalCase → camelCase). */
export const CSHARP_KEY_ALIASES: Record<string, string> = {
  deploymentName: 'model', maxOutputTokenCount: 'maxOutputTokens', modelId: 'model',
};

export const CSHARP_SDKS: ForeignSdk[] = [
  {
    sdk: 'openai',
    imports: ['using OpenAI', 'using Azure.AI.OpenAI', 'using Microsoft.Extensions.AI'],
    clients: [
      // new ChatClient("gpt-4o", key), openAiClient.GetChatClient("gpt-4o") (an Azure deployment name for Azure)
      { name: 'ChatClient', modelPos: 0, modelKeys: ['model'] },
      { name: 'EmbeddingClient', modelPos: 0, modelKeys: ['model'] },
      { name: 'ImageClient', modelPos: 0, modelKeys: ['model'] },
      { name: 'OpenAIClient' }, { name: 'AzureOpenAIClient' },
      // Microsoft.Extensions.AI: the IChatClient over an OpenAI ChatClient; an injected IChatClient names no model
      { name: 'IChatClient' }, { name: 'OllamaChatClient', modelPos: 1, selfHosted: true },
    ],
    methods: [
      m('chat.completions.create', 'chat', ['CompleteChat', 'CompleteChatAsync'], { promptPos: 'all' }),
      m('chat.completions.stream', 'chat', ['CompleteChatStreaming', 'CompleteChatStreamingAsync'], { promptPos: 'all', streaming: true }),
      m('embeddings.create', 'embedding', ['GenerateEmbedding', 'GenerateEmbeddingAsync', 'GenerateEmbeddings', 'GenerateEmbeddingsAsync'], { promptPos: 0 }),
      // new ImageClient("dall-e-3", key).GenerateImage(prompt, options)
      m('images.generate', 'image', ['GenerateImage', 'GenerateImageAsync', 'GenerateImages', 'GenerateImagesAsync'], { promptPos: 0 }),
      // Azure.AI.OpenAI 1.x: GetChatCompletionsAsync(new ChatCompletionsOptions { DeploymentName, Messages, MaxTokens })
      m('chat.completions.create', 'chat', ['GetChatCompletions', 'GetChatCompletionsAsync'], { requestPos: 0 }),
      m('chat.completions.stream', 'chat', ['GetChatCompletionsStreaming', 'GetChatCompletionsStreamingAsync'], { requestPos: 0, streaming: true }),
      m('chat_client.get_response', 'chat', ['GetResponseAsync'], { promptPos: 'all', strictReceiver: true }),
      m('chat_client.get_streaming_response', 'chat', ['GetStreamingResponseAsync'], { promptPos: 'all', strictReceiver: true, streaming: true }),
    ],
  },
  {
    sdk: 'semantic-kernel',
    imports: ['using Microsoft.SemanticKernel'],
    clients: [{ name: 'Kernel' }, { name: 'IChatCompletionService' }],
    methods: [
      m('kernel.invoke_prompt', 'chat', ['InvokePromptAsync'], { promptPos: 0 }),
      m('kernel.invoke_prompt_stream', 'chat', ['InvokePromptStreamingAsync'], { promptPos: 0, streaming: true }),
      m('chat_completion.get_chat_message_content', 'chat', ['GetChatMessageContentAsync', 'GetChatMessageContentsAsync'], { promptPos: 0 }),
      m('chat_completion.get_streaming_chat_message_contents', 'chat', ['GetStreamingChatMessageContentsAsync'], { promptPos: 0, streaming: true }),
    ],
  },
];
