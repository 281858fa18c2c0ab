// The SDK table shape of the Go, Java, C# and Ruby front ends. Each language keeps its rows in its own folder
// (go/sdks.ts, java/sdks.ts, ...); this module only says what a row means. The request itself is read by the shared
// request interpreter (request/fields.ts, request/prompts.ts), exactly as for Python and TypeScript.
import type { CallKind, Sdk } from '../types';
import type { CallsPerRequest } from '../sdks';

export interface ForeignMethod {
  api: string;
  kind: CallKind;
  /** dotted method paths matched against the end of the call's path (`Chat.Completions.New`); the receiver is left out */
  paths: string[];
  streaming?: boolean;
  /** positional index of the request object (a params struct, a builder's result, an options object) */
  requestPos?: number;
  /** the keyword argument holding the request (ruby-openai `parameters:`) */
  requestKey?: string;
  modelPos?: number;
  /** the request was built on the receiver (Spring AI `chatClient.prompt().user(q).call()`): its options are the request */
  requestFromReceiver?: boolean;
  /** positional index of the prompt (a string or messages); 'all': every positional argument that is not options */
  promptPos?: number | 'all';
  /** the method name alone is too common (`chat`, `call`): the receiver must resolve to one of the SDK's clients */
  strictReceiver?: boolean;
  /** the client is a positional argument, not the receiver (LangChainGo `llms.GenerateFromSinglePrompt(ctx, llm, prompt)`) */
  clientPos?: number;
  /** look-alike guard: the request must name one of these keys (`messages.create` with `max_tokens`, not an ORM) */
  requireKeys?: string[];
  calls?: CallsPerRequest;
}

export interface ForeignClient {
  /** constructor, factory or declared type name (`ChatClient`, `OpenAiChatModel`, `Anthropic::Client`) */
  name: string;
  modelPos?: number;
  modelKeys?: string[];
  selfHosted?: boolean;
}

export interface ForeignSdk {
  sdk: Sdk;
  /** substrings naming the SDK in an import / using / require line; a file naming none of them is not matched */
  imports: string[];
  clients: ForeignClient[];
  methods: ForeignMethod[];
  /** the model the SDK uses when the code names none, where that default is documented */
  defaultModel?: { model: string; basis: string };
}
