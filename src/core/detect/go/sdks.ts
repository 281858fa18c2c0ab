// Go SDKs that make LLM requests: the rows the Go front end matches (frontend/rows.ts says what a row means).
// Import paths are matched as substrings, so `/v2`, `/v3` module majors need no row of their own.
import type { ForeignMethod, ForeignSdk } from '../frontend/rows';

const m = (api: string, kind: ForeignMethod['kind'], paths: string[], extra: Partial<ForeignMethod> = {}): ForeignMethod => ({ api, kind, paths, ...extra });
// every request method of these SDKs takes (ctx, params)
const req = { requestPos: 1 };

export const GO_SDKS: ForeignSdk[] = [
  {
    sdk: 'openai',
    imports: ['github.com/sashabaranov/go-openai'],
    clients: [{ name: 'NewClient' }, { name: 'NewClientWithConfig' }, { name: 'Client' }],
    methods: [
      m('chat.completions.create', 'chat', ['CreateChatCompletion'], req),
      m('chat.completions.create', 'chat', ['CreateChatCompletionStream'], { ...req, streaming: true }),
      m('completions.create', 'completion', ['CreateCompletion'], req),
      m('completions.create', 'completion', ['CreateCompletionStream'], { ...req, streaming: true }),
      m('embeddings.create', 'embedding', ['CreateEmbeddings'], req),
      m('images.generate', 'image', ['CreateImage'], req),
      m('audio.transcriptions.create', 'transcription', ['CreateTranscription'], req),
      m('audio.speech.create', 'speech', ['CreateSpeech'], req),
    ],
  },
  {
    sdk: 'openai',
    imports: ['github.com/openai/openai-go'],
    clients: [{ name: 'NewClient' }, { name: 'Client' }],
    methods: [
      m('chat.completions.create', 'chat', ['Chat.Completions.New'], req),
      m('chat.completions.stream', 'chat', ['Chat.Completions.NewStreaming'], { ...req, streaming: true }),
      m('responses.create', 'responses', ['Responses.New'], req),
      m('responses.stream', 'responses', ['Responses.NewStreaming'], { ...req, streaming: true }),
      m('completions.create', 'completion', ['Completions.New'], req),
      m('embeddings.create', 'embedding', ['Embeddings.New'], req),
      m('images.generate', 'image', ['Images.Generate'], req),
      m('audio.transcriptions.create', 'transcription', ['Audio.Transcriptions.New'], req),
    ],
  },
  {
    sdk: 'anthropic',
    imports: ['github.com/anthropics/anthropic-sdk-go'],
    clients: [{ name: 'NewClient' }, { name: 'Client' }],
    methods: [
      m('messages.create', 'chat', ['Messages.New', 'Beta.Messages.New'], req),
      m('messages.stream', 'chat', ['Messages.NewStreaming', 'Beta.Messages.NewStreaming'], { ...req, streaming: true }),
    ],
  },
  {
    sdk: 'google',
    imports: ['google.golang.org/genai'],
    clients: [{ name: 'NewClient' }, { name: 'Client' }],
    methods: [
      // Models.GenerateContent(ctx, model, contents, config)
      m('models.generate_content', 'chat', ['Models.GenerateContent'], { modelPos: 1, promptPos: 2 }),
      m('models.generate_content_stream', 'chat', ['Models.GenerateContentStream'], { modelPos: 1, promptPos: 2, streaming: true }),
      m('models.embed_content', 'embedding', ['Models.EmbedContent'], { modelPos: 1, promptPos: 2 }),
    ],
  },
  {
    // the earlier Google AI Go SDK: model := client.GenerativeModel("gemini-1.5-flash"); model.GenerateContent(ctx, parts...)
    sdk: 'google',
    imports: ['github.com/google/generative-ai-go/genai'],
    clients: [{ name: 'GenerativeModel', modelPos: 0 }, { name: 'EmbeddingModel', modelPos: 0 }],
    methods: [
      m('generate_content', 'chat', ['GenerateContent'], { promptPos: 1, strictReceiver: true }),
      m('generate_content_stream', 'chat', ['GenerateContentStream'], { promptPos: 1, strictReceiver: true, streaming: true }),
      m('embed_content', 'embedding', ['EmbedContent'], { promptPos: 1, strictReceiver: true }),
    ],
  },
  {
    sdk: 'langchain',
    imports: ['github.com/tmc/langchaingo'],
    // llm, _ := openai.New(openai.WithModel("gpt-4o")); the model options are folded into the constructor's options
    clients: [{ name: 'openai.New' }, { name: 'anthropic.New' }, { name: 'googleai.New' }, { name: 'mistral.New' }, { name: 'ollama.New', selfHosted: true }],
    methods: [
      m('invoke', 'chat', ['GenerateContent'], { promptPos: 1, strictReceiver: true }),
      m('invoke', 'chat', ['Call'], { promptPos: 1, strictReceiver: true }),
      m('invoke', 'chat', ['GenerateFromSinglePrompt'], { promptPos: 2, clientPos: 1 }),
    ],
  },
];
