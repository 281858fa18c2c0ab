// Tokenizers: exact counts for OpenAI encodings (js-tiktoken/lite, ranks loaded lazily from dist/ranks),
// calibrated ≈ counts with an error band for other model families.
export type { ChatFraming, EncodingName, TokenBasis, TokenCount, TokenizerInfo } from './types';
export { countChatTokens, countTokens, sumCounts, TokenCounter } from './count';
export { normalizeModelName, tokenizerFor } from './models';
export { ranksGeneration, setRanksDir } from './ranks';
export { isEncoderLoaded, preloadEncoder, unloadEncoders } from './bpe';
export { TokenCountCache, type TokenCacheStats } from './cache';
