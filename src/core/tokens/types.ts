/** Whether a count comes from the model's own tokenizer or is a calibrated estimate. */
export type TokenBasis = 'exact' | 'approx';

export type EncodingName = 'o200k_base' | 'cl100k_base';

export interface TokenCount {
  tokens: number;
  basis: TokenBasis;
  /** "o200k_base", "cl100k_base", "claude ≈ o200k_base × 1.15", … */
  tokenizer: string;
  /** Error band; low === high === tokens when exact. */
  low: number;
  high: number;
  note?: string;
}

/** Per-message framing a chat format adds around the content, in the model's own tokens. */
export interface ChatFraming {
  /** Added once per message (turn markers; includes the role name unless `countRole`). */
  perMessage: number;
  /** Added once per request: reply priming ("assistant" header) and begin-of-sequence tokens. */
  perRequest: number;
  /** The role string is tokenized and counted on top of `perMessage` (OpenAI's documented recipe). */
  countRole: boolean;
  /** Added for a message that carries a `name` (OpenAI: 1, plus the name's own tokens); absent = names unsupported. */
  perName?: number;
  /** Where these figures come from. */
  source: string;
}

export interface TokenizerInfo {
  /** "openai", "claude", "claude-4.7+", "llama-3", "gemini", … */
  family: string;
  /** The exact encoding, or the one the estimate is scaled from. */
  encoding: EncodingName;
  /** Model tokens ≈ encoding tokens × ratio. 1 for exact tokenizers. */
  ratio: number;
  /** [low, high] ratio band; [1, 1] for exact tokenizers. */
  band: [number, number];
  exact: boolean;
  /** Source of the ratio, shown to the user. */
  note: string;
  framing: ChatFraming;
}
