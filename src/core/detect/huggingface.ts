// Hugging Face inference as rows of the SDK table (sdks.ts): Python `huggingface_hub.InferenceClient` /
// `AsyncInferenceClient` and JS `@huggingface/inference` (`InferenceClient`, the older `HfInference`). The model is
// a Hub id (`meta-llama/Llama-3.1-8B-Instruct`) given to the call or, in Python, to the client; Inference Providers
// serve it as an API, a client on a `base_url` (a TGI or vLLM server of one's own) is self-hosted. Without a model
// the client picks a recommended one per task, which changes over time: no default is assumed.
import type { SdkRow } from './sdks';

export const HUGGINGFACE_SDKS: SdkRow[] = [
  {
    sdk: 'huggingface',
    packages: { py: ['huggingface_hub'], js: ['@huggingface/inference'] },
    clients: [
      // InferenceClient(model=None, *, provider=None, token=None, base_url=None, ...): the model may come first
      { name: 'InferenceClient', langs: ['py'], modelKeys: ['model'], modelPos: 0 },
      { name: 'AsyncInferenceClient', langs: ['py'], modelKeys: ['model'], modelPos: 0 },
      // new InferenceClient(accessToken, options): the token comes first; the model is per call
      { name: 'InferenceClient', langs: ['js'] },
      { name: 'HfInference', langs: ['js'] },
    ],
    methods: [
      // chat_completion(messages, *, model=None, max_tokens=None, stream=False, …); chatCompletion({ model, messages, max_tokens })
      { api: 'chat_completion', kind: 'chat', py: ['chat_completion', 'chat.completions.create'], js: ['chatCompletion', 'chat.completions.create'], promptPos: 0 },
      { api: 'chat_completion', kind: 'chat', js: ['chatCompletionStream'], streaming: true },
      // text_generation(prompt, *, max_new_tokens=…, model=…); textGeneration({ model, inputs, parameters: { max_new_tokens } })
      { api: 'text_generation', kind: 'completion', py: ['text_generation'], js: ['textGeneration'], promptPos: 0 },
      { api: 'text_generation', kind: 'completion', js: ['textGenerationStream'], streaming: true },
      { api: 'feature_extraction', kind: 'embedding', py: ['feature_extraction'], js: ['featureExtraction'], promptPos: 0 },
      { api: 'text_to_image', kind: 'image', py: ['text_to_image'], js: ['textToImage'], promptPos: 0 },
    ],
  },
];
