// Output of call-site detection: one DetectedCall per place in the code where a request to an LLM is made.
// Shared by every language module; the `scan` contract (DESIGN.md) is built from these fields.
import type { Tree } from 'web-tree-sitter';

export type Sdk =
  | 'openai' | 'anthropic' | 'google' | 'bedrock' | 'litellm' | 'langchain' | 'vercel-ai'
  | 'ollama' | 'mistral' | 'cohere' | 'groq' | 'together' | 'voyage' | 'zhipuai' | 'http'
  | 'azure-ai-inference' | 'azure-ai-agents' | 'azure-openai' | 'huggingface'
  // agent and LLM frameworks (frameworks.ts)
  | 'openai-agents' | 'pydantic-ai' | 'llamaindex' | 'crewai' | 'dspy' | 'haystack' | 'mastra'
  // Java, C# and Ruby frameworks (detect/java, detect/csharp, detect/ruby)
  | 'spring-ai' | 'semantic-kernel' | 'ruby-llm'
  // a `.prompt` / `.prompty` template file: the request is sent by whichever runtime loads it (Prompty, Genkit)
  | 'prompt-file';

export type CallKind = 'chat' | 'responses' | 'completion' | 'embedding' | 'image' | 'speech' | 'transcription'
  // a framework agent run (several model turns), a RAG query (retrieval + synthesis), a batch submission
  | 'agent' | 'rag' | 'batch';

/** 'framework-default': the constructor names no model, the framework's documented default is assumed */
export type ModelSource = 'literal' | 'constant' | 'env-default' | 'framework-default' | 'unresolved';

export type PromptSource = 'literal' | 'constant' | 'imported' | 'file' | 'template' | 'runtime' | 'tool-schema';

export interface PromptPart {
  role: string;
  source: PromptSource;
  /** null when the text is only known at runtime */
  text: string | null;
  /** placeholder names ({name}, ${name}, f-string fields) in the order they appear */
  placeholders: string[];
  /** where the text was found when it is not at the call itself (constant, imported constant, prompt file) */
  from?: { file: string; line: number };
  /** the message's `name` field (OpenAI chat: sent in the turn header, counted as framing) */
  name?: string;
  /** Anthropic `cache_control: {type: "ephemeral"}` on this block: the cached prefix ends here (request/cacheControl.ts) */
  cacheBreakpoint?: true;
}

export interface DetectedCall {
  /** posix path relative to the workspace root, as passed to detectCalls */
  file: string;
  /** where the CALL EXPRESSION starts, 1-based; column in UTF-16 code units (as VS Code shows it) */
  line: number;
  column: number;
  endLine: number;
  /** notebooks: 0-based index among code cells; line/column are then within that cell */
  cell?: number;
  /** 'python' | 'typescript' | 'tsx' | 'javascript' | 'prompt' (a .prompt / .prompty file) */
  language: string;
  sdk: Sdk;
  /** canonical method from sdks.ts, e.g. 'chat.completions.create', whatever alias the code used */
  api: string;
  kind: CallKind;
  model: string | null;
  modelSource: ModelSource;
  maxTokens: number | null;
  /** thinking.budget_tokens, or a documented figure for reasoning_effort */
  reasoningTokens: number | null;
  streaming: boolean;
  endpoint: 'api' | 'self-hosted';
  baseUrl: string | null;
  /** enclosing Class.method / function; '<module>' at top level */
  qualifiedName: string;
  /** raw text after 'llm-cost:' in a comment on the line directly above the call, e.g. "5000/day output=400" */
  annotation: string | null;
  promptParts: PromptPart[];
  /** 0..1, lowered by an unresolved model / runtime prompt parts */
  confidence: number;
  /** LangChain invocations: where the constructor(s) of the invoked model are, in whichever workspace file */
  modelFrom?: SourcePos[];
  /** a LangChain model constructor reported because its own file never invokes it; `scan` drops it when an
   *  invocation elsewhere in the workspace names it in `modelFrom` (see workspace.ts) */
  constructorOnly?: boolean;
  /** the model is the value of this Azure deployment keyword (sdks.ts ClientRow.deploymentKeys: `azure_deployment`,
   *  `azureOpenAIApiDeploymentName`, …) because nothing else names one: a name the deployment's owner chose, a model
   *  id only when they chose one */
  deploymentKey?: string;
  /** a framework run's documented number of model requests (sdks.ts MethodRow.calls); llm-cost: calls=N wins */
  callsPerRequest?: { n: number; basis: string };
  /** where a framework-default model comes from */
  modelBasis?: string;
  /** how the receiver was recognised when it is not resolved (the request's shape alone); lowers `confidence` */
  receiver?: string;
  /** what detection could not use (e.g. a prompt file's front matter field that is not a number); shown on the call site */
  problems?: string[];
}

export interface SourcePos { file: string; line: number; column: number }

/** Read access to other workspace files (imported constants, prompt files). Paths are posix, relative to the root. */
export interface WorkspaceReader {
  readFile(relPath: string): string | null;
  exists(relPath: string): boolean;
}

export interface DetectResult {
  calls: DetectedCall[];
  /** set when the file was not analysed (too large, minified, over the time budget, parse failure) */
  skipped?: string;
}

/** What a language front end gets for one file (see index.ts for how a module is registered). */
export interface AnalyzeContext {
  /** posix path relative to the workspace root */
  relPath: string;
  text: string;
  /** DetectedCall.language for this file */
  language: string;
  tree: Tree;
  ws?: WorkspaceReader;
  /** parses another source of the same grammar (imported workspace files); null when over budget or unparsable */
  parseSibling(text: string): Tree | null;
  /** throws BudgetExceeded when the per-file time budget is spent */
  checkBudget(): void;
}

export interface LanguageModule {
  /**
   * Per extension: `language` (DetectedCall.language) and `grammar` (tree-sitter-<grammar>.wasm). `firstTry`: a
   * grammar used instead because other extensions use it too (one grammar compiled and warmed instead of several),
   * unless the text matches `ownGrammarIf` (what only `grammar` reads). Decided on the text: one parse per file.
   */
  extensions: Record<string, { language: string; grammar: string; firstTry?: string; ownGrammarIf?: RegExp }>;
  /** prefilter substrings (lower-case) naming this language's SDKs that sdks.ts PREFILTER_NEEDLES does not cover */
  needles?: string[];
  analyze(ctx: AnalyzeContext): DetectedCall[] | Promise<DetectedCall[]>;
}
