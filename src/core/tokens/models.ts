// Model name → tokenizer. Exact for OpenAI models (their encodings are public), calibrated estimates
// scaled from o200k_base for everyone else. Ratios and bands come from shared/reference/cost-model-facts.md
// ("Tokenizers": 1 MiB of mixed English + code measured on the project machine, plus the public
// measurements it cites); each entry repeats its source in `note` so the user sees where a ≈ comes from.
import type { ChatFraming, EncodingName, TokenizerInfo } from './types';

const REF = 'cost-model-facts.md § Tokenizers';

// OpenAI cookbook "How to count tokens with tiktoken" (num_tokens_from_messages): 3 tokens per message
// (<|start|>{role}<|message|> … <|end|> minus the role, which is tokenized separately), 1 per `name`,
// 3 to prime the reply (<|start|>assistant<|message|>). Verified there for gpt-3.5/gpt-4/gpt-4o.
const OPENAI_FRAMING: ChatFraming = { perMessage: 3, perRequest: 3, countRole: true, perName: 1, source: 'OpenAI cookbook: 3/message + role + 3 reply priming; a `name` adds 1 + its tokens' };
// Anthropic does not publish its turn format. Assumed: 4 per message (turn markers + role) and 3 for the
// assistant turn the API opens, i.e. ~7 tokens around a one-message request; an assumption, not a measurement.
const CLAUDE_FRAMING: ChatFraming = { perMessage: 4, perRequest: 3, countRole: false, source: 'assumed (Anthropic publishes no turn format): 4/message + 3 reply priming' };
// Llama 3 chat template (Meta model card): <|start_header_id|>role<|end_header_id|>\n\n … <|eot_id|> = 5 per
// message; <|begin_of_text|> + the opened assistant header (4) per request.
const LLAMA3_FRAMING: ChatFraming = { perMessage: 5, perRequest: 5, countRole: false, source: 'Llama 3 chat template: 5/message + BOS + 4 reply priming' };
// ChatML (Qwen): <|im_start|>role\n … <|im_end|>\n = 5 per message; <|im_start|>assistant\n = 3.
const CHATML_FRAMING: ChatFraming = { perMessage: 5, perRequest: 3, countRole: false, source: 'ChatML template (Qwen): 5/message + 3 reply priming' };
// Gemma template: <start_of_turn>role\n … <end_of_turn>\n = 5 per message; <bos> + <start_of_turn>model\n = 4.
// Gemini's wire format is not published; assumed to match Gemma's.
const GEMMA_FRAMING: ChatFraming = { perMessage: 5, perRequest: 4, countRole: false, source: 'Gemma chat template: 5/message + BOS + 3 reply priming (assumed for Gemini)' };
// Mistral instruct template: [INST] … [/INST] around user turns, </s> after assistant turns ≈ 3 per message; <s> once.
const MISTRAL_FRAMING: ChatFraming = { perMessage: 3, perRequest: 1, countRole: false, source: 'Mistral instruct template: ≈3/message + BOS' };
// DeepSeek V3/R1 template: <｜User｜> / <｜Assistant｜> markers ≈ 2 per message; BOS + opened assistant turn = 2.
const DEEPSEEK_FRAMING: ChatFraming = { perMessage: 2, perRequest: 2, countRole: false, source: 'DeepSeek chat template: ≈2/message + BOS + reply marker' };

function exact(encoding: EncodingName, family = 'openai'): TokenizerInfo {
  return { family, encoding, ratio: 1, band: [1, 1], exact: true, note: `exact: ${encoding} is the tokenizer OpenAI publishes for this model (tiktoken)`, framing: OPENAI_FRAMING };
}

function approx(family: string, ratio: number, band: [number, number], note: string, framing: ChatFraming): TokenizerInfo {
  return { family, encoding: 'o200k_base', ratio, band, exact: false, note, framing };
}

/** Lower-case, unify separators and drop routing prefixes ("openai/", "models/", "accounts/x/models/"). */
export function normalizeModelName(model: string): string {
  const s = model.trim().toLowerCase().replace(/[\s_]+/g, '-');
  const slash = s.lastIndexOf('/');
  return slash >= 0 ? s.slice(slash + 1) : s;
}

// Azure deployment names cannot contain dots, so "gpt-41-mini" / "gpt-4-1" mean gpt-4.1; the (?!\d) keeps
// "gpt-4-1106-preview" (GPT-4 Turbo, cl100k) out.
const O200K = [/chatgpt-?4o/, /gpt-?4o/, /gpt-?4[.-]?[15](?!\d)/, /gpt-?5/, /gpt-oss/, /gpt-?realtime/, /gpt-?image/, /codex-mini/, /(?:^|[^a-z0-9])o[134](?=$|[^a-z0-9])/];
const CL100K = [/gpt-?4(?![o.\d])/, /gpt-?3[.-]?5/, /text-embedding-3/, /(?:^|[^a-z])ada-002/];

/** Claude version as [major, minor] from "claude-3-5-sonnet-…", "claude-sonnet-4-5", "claude-opus-4-20250514", "claude-2.1". */
function claudeVersion(s: string): [number, number] | null {
  const m = /claude-(?:(?:opus|sonnet|haiku|instant)-)?v?(\d+)(?:[-.](\d)(?!\d))?/.exec(s);
  return m ? [Number(m[1]), m[2] === undefined ? 0 : Number(m[2])] : null;
}

function claude(s: string): TokenizerInfo {
  const v = claudeVersion(s);
  if (v && (v[0] < 3 || /claude-instant/.test(s))) {
    return approx('claude-legacy', 1.07, [1.02, 1.12], `≈ o200k_base × 1.02–1.12: the pre-Claude-3 vocabulary (@anthropic-ai/tokenizer) measured on 1 MiB English + code (${REF})`, CLAUDE_FRAMING);
  }
  if (v && (v[0] > 4 || (v[0] === 4 && v[1] >= 7))) {
    // Opus 4.7 introduced a new tokenizer: ~1.0–1.35× (up to ~1.45× on English) the tokens of Opus 4.6.
    // Later models are assumed to keep it. 1.10 × 1.0 … 1.20 × 1.45 → band 1.10–1.75, midpoint-ish 1.35.
    return approx('claude-4.7+', 1.35, [1.1, 1.75], `≈ o200k_base × 1.35 (band 1.10–1.75): Claude 3–4.6 ≈ 1.10–1.20 × o200k, and Opus 4.7's newer tokenizer yields ~1.0–1.35× (up to ~1.45× on English) the tokens of Opus 4.6 (public measurements, ${REF})`, CLAUDE_FRAMING);
  }
  // Claude 3 … 4.6. Public measurements: OpenAI tokenizers undercount Claude 3–4.x by ~10–20 % on text and more
  // on code / non-English, hence a band a little wider than 1.10–1.20.
  return approx('claude', 1.15, [1.05, 1.25], `≈ o200k_base × 1.15 (band 1.05–1.25): OpenAI tokenizers undercount Claude 3–4.x by ~10–20 % (public measurements, ${REF}); never exact: Anthropic ships no offline tokenizer for Claude 3+`, CLAUDE_FRAMING);
}

function llama(s: string): TokenizerInfo {
  const m = /llama-?v?(\d)/.exec(s);
  const major = m ? Number(m[1]) : /codellama/.test(s) ? 2 : 3;
  if (major <= 2) {
    // Llama 2 / Code Llama use a 32k SentencePiece vocabulary: clearly more tokens than o200k, not measured here.
    return approx('llama-2', 1.25, [1.05, 1.5], `≈ o200k_base × 1.25 (band 1.05–1.50): Llama 2's 32k SentencePiece vocabulary, not measured (wide band)`, LLAMA3_FRAMING);
  }
  if (major >= 4) {
    return approx('llama-4', 1.0, [0.9, 1.1], `≈ o200k_base × 1.00 (band 0.90–1.10): Llama 4's ~200k BPE vocabulary, not measured; Llama 3 ≈ 1.00 (${REF})`, LLAMA3_FRAMING);
  }
  return approx('llama-3', 1.0, [0.95, 1.05], `≈ o200k_base × 1.00 (band 0.95–1.05): Llama 3 tokenizer measured ≈ 1.00 × o200k on 1 MiB English + code (${REF})`, LLAMA3_FRAMING);
}

/** The tokenizer used (or approximated) for a model id as developers write it; null → unknown model. */
export function tokenizerFor(model: string | null): TokenizerInfo {
  if (model === null || model.trim() === '') return unknown();
  const s = normalizeModelName(model);
  if (/claude/.test(s)) return claude(s);
  if (O200K.some((r) => r.test(s))) return exact('o200k_base');
  if (CL100K.some((r) => r.test(s))) return exact('cl100k_base');
  if (/gemma/.test(s)) {
    return approx('gemma', 1.145, [1.1, 1.19], `≈ o200k_base × 1.10–1.19: Gemma 3 tokenizer measured on 1 MiB English + code (${REF})`, GEMMA_FRAMING);
  }
  if (/gemini/.test(s)) {
    // Gemini shares Gemma's SentencePiece vocabulary (Gemma 3 report); not measured directly → wider band.
    return approx('gemini', 1.145, [1.05, 1.25], `≈ o200k_base × 1.145 (band 1.05–1.25): Gemini shares the Gemma vocabulary, Gemma 3 measured 1.10–1.19 × o200k (${REF}); widened as Gemini itself was not measured`, GEMMA_FRAMING);
  }
  if (/llama/.test(s)) return llama(s);
  if (/qwen|qwq/.test(s)) {
    return approx('qwen', 1.015, [1.0, 1.03], `≈ o200k_base × 1.00–1.03: Qwen3 tokenizer measured on 1 MiB English + code (${REF})`, CHATML_FRAMING);
  }
  if (/mistral|mixtral|codestral|ministral|pixtral|magistral|devstral/.test(s)) {
    // Tekken (131k BPE, NeMo/Large 2 and later) is close to o200k; v1–v3 SentencePiece (32k, Mistral 7B, Mixtral) is not.
    return approx('mistral', 1.1, [0.95, 1.35], `≈ o200k_base × 1.10 (band 0.95–1.35): Mistral's Tekken (131k BPE) and 32k SentencePiece vocabularies, not measured (wide band)`, MISTRAL_FRAMING);
  }
  if (/deepseek/.test(s)) {
    return approx('deepseek', 1.05, [0.95, 1.25], `≈ o200k_base × 1.05 (band 0.95–1.25): DeepSeek's 128k BPE vocabulary, not measured (wide band)`, DEEPSEEK_FRAMING);
  }
  return unknown();
}

function unknown(): TokenizerInfo {
  return approx('unknown', 1.0, [0.85, 1.5], `≈ o200k_base (band 0.85–1.50): unknown model; other tokenizers measured 1.00–1.19 × o200k (${REF}), widened for vocabularies never measured`, OPENAI_FRAMING);
}
