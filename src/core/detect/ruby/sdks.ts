// Ruby gems that make LLM requests: the rows the Ruby front end matches (frontend/rows.ts). Ruby has no declared
// types, so methods with common names (`chat`, `ask`, `messages`) need a receiver resolved to the gem's client.
import type { ForeignMethod, ForeignSdk } from '../frontend/rows';

const m = (api: string, kind: ForeignMethod['kind'], paths: string[], extra: Partial<ForeignMethod> = {}): ForeignMethod => ({ api, kind, paths, ...extra });
// ruby-openai (alexrudall): client.chat(parameters: { model:, messages:, max_tokens: })
const params = { requestKey: 'parameters', strictReceiver: true };

/** ruby-openai's `uri_base:` is the client's base URL */
export const RUBY_KEY_ALIASES: Record<string, string> = { uri_base: 'base_url' };

export const RUBY_SDKS: ForeignSdk[] = [
  {
    sdk: 'openai',
    imports: ['require "openai"', "require 'openai'", 'OpenAI::Client'],
    clients: [{ name: 'OpenAI::Client' }],
    methods: [
      m('chat.completions.create', 'chat', ['chat'], params),
      m('completions.create', 'completion', ['completions'], params),
      m('embeddings.create', 'embedding', ['embeddings'], params),
      m('images.generate', 'image', ['images.generate'], params),
      m('images.edit', 'image', ['images.edit'], params),
      m('images.variations', 'image', ['images.variations'], params),
      // audio: `client.audio.transcribe/translate/speech(parameters:)`; before 6.x `client.transcribe/translate(parameters:)`
      m('audio.transcriptions.create', 'transcription', ['audio.transcribe', 'transcribe'], params),
      m('audio.translations.create', 'transcription', ['audio.translate', 'translate'], params),
      m('audio.speech.create', 'speech', ['audio.speech'], params),
      // `client.responses.create(parameters:)`, and `client.responses(parameters:)` of ruby-openai 8.x
      m('responses.create', 'responses', ['responses.create', 'responses'], params),
      // the official openai-ruby gem: keyword arguments (`client.chat.completions.create(messages:, model:)`)
      m('chat.completions.create', 'chat', ['chat.completions.create'], { strictReceiver: true }),
      m('chat.completions.stream', 'chat', ['chat.completions.stream_raw', 'chat.completions.stream'], { strictReceiver: true, streaming: true }),
      m('responses.create', 'responses', ['responses.create'], { strictReceiver: true }),
      m('embeddings.create', 'embedding', ['embeddings.create'], { strictReceiver: true }),
    ],
  },
  {
    sdk: 'anthropic',
    imports: ['require "anthropic"', "require 'anthropic'", 'Anthropic::Client'],
    clients: [{ name: 'Anthropic::Client' }],
    methods: [
      // anthropic-sdk-ruby; an ActiveRecord `messages.create(role:, content:)` carries no max_tokens
      m('messages.create', 'chat', ['messages.create', 'beta.messages.create'], { requireKeys: ['max_tokens'] }),
      m('messages.stream', 'chat', ['messages.stream', 'messages.stream_raw'], { requireKeys: ['max_tokens'], streaming: true }),
      // the community `anthropic` gem (alexrudall): client.messages(parameters: {...})
      m('messages.create', 'chat', ['messages'], { ...params, requireKeys: ['max_tokens'] }),
    ],
  },
  {
    sdk: 'ruby-llm',
    imports: ['ruby_llm', 'RubyLLM'],
    // RubyLLM.chat(model: "gpt-4o") is the conversation; with_instructions/with_model refine it (ruby/values.ts)
    clients: [{ name: 'RubyLLM.chat', modelKeys: ['model'] }, { name: 'RubyLLM' }],
    methods: [
      m('chat.ask', 'chat', ['ask', 'complete'], { promptPos: 0, strictReceiver: true }),
      m('embed', 'embedding', ['embed'], { promptPos: 0, strictReceiver: true }),
    ],
  },
];
