// Where request settings live, across SDKs and both spellings (snake_case Python, camelCase JS). The request
// interpreter (fields.ts) reads these tables; a new SDK spelling is a new entry here, not new code.
export { BASE_URL_KEYS, MAX_TOKEN_KEYS, MODEL_KEYS, REASONING_EFFORT_TOKENS } from '../sdks';

/**
 * Option objects nested inside a request whose settings apply to the request itself: Google `config` /
 * `generationConfig`, Bedrock `inferenceConfig` / InvokeModel `body`, Ollama `options`, Hugging Face
 * `parameters`, OpenAI `extra_body`, LangChain `model_kwargs` / JS `configuration`, thinking/reasoning blocks.
 */
export const CONTAINERS = [
  'config', 'generationConfig', 'generation_config', 'inferenceConfig', 'inference_config', 'options', 'body',
  'parameters', 'params', 'configuration', 'httpOptions', 'http_options', 'clientOptions', 'extra_body', 'model_kwargs',
  'additionalModelRequestFields', 'additional_model_request_fields',
  'thinking', 'thinkingConfig', 'thinking_config', 'reasoning',
];

/** A thinking budget in tokens (Anthropic `thinking.budget_tokens`, Gemini `thinkingConfig.thinkingBudget`). */
export const THINKING_BUDGET_KEYS = ['budget_tokens', 'budgetTokens', 'thinking_budget', 'thinkingBudget'];
/** A reasoning effort level, priced by REASONING_EFFORT_TOKENS (OpenAI `reasoning_effort`, `reasoning.effort`). */
export const REASONING_EFFORT_KEYS = ['reasoning_effort', 'reasoningEffort', 'effort'];
export const STREAM_KEYS = ['stream', 'streaming'];
/** A base URL given per call rather than on the client (litellm `completion(api_base=…)`). */
export const CALL_BASE_URL_KEYS = ['api_base', 'base_url'];
/** Base URL keys that name the vendor's own endpoint (Azure OpenAI): still the API, not self-hosted. */
export const VENDOR_ENDPOINT_KEYS = ['azure_endpoint', 'endpoint'];
/** Model strings with these provider prefixes run on a local server (litellm `ollama/llama3`). */
export const SELF_HOSTED_MODEL_PREFIX = /^(ollama|ollama_chat|hosted_vllm|vllm|lm_studio)\//;
