// SDK model constants → model ids. The pairs are the SDKs' published constants and values (openai-go
// shared/chatmodel, anthropic-sdk-go Model, openai-java ChatModel, anthropic-java Model, go-openai completion.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generatedModelConstant, goOpenAiConstant } from '../../src/core/detect/frontend/modelIds';

test('generated SDK constants (Go CamelCase and Java UPPER_SNAKE) map back to their model ids', () => {
  const pairs: [string, string][] = [
    ['ChatModelGPT4o', 'gpt-4o'], ['ChatModelGPT4oMini', 'gpt-4o-mini'], ['ChatModelGPT4_1', 'gpt-4.1'], ['ChatModelGPT4_1Mini', 'gpt-4.1-mini'],
    ['ChatModelGPT4_1_2025_04_14', 'gpt-4.1-2025-04-14'], ['ChatModelGPT4_1Mini2025_04_14', 'gpt-4.1-mini-2025-04-14'], ['ChatModelGPT5ChatLatest', 'gpt-5-chat-latest'],
    ['ChatModelGPT5Nano2025_08_07', 'gpt-5-nano-2025-08-07'], ['ChatModelO3Mini', 'o3-mini'], ['ChatModelGPT3_5Turbo', 'gpt-3.5-turbo'], ['ChatModelChatgpt4oLatest', 'chatgpt-4o-latest'],
    ['ChatModelGPT4o2024_08_06', 'gpt-4o-2024-08-06'], ['EmbeddingModelTextEmbedding3Small', 'text-embedding-3-small'],
    ['ModelClaudeSonnet4_20250514', 'claude-sonnet-4-20250514'], ['ModelClaudeSonnet4_0', 'claude-sonnet-4-0'], ['ModelClaude3_5HaikuLatest', 'claude-3-5-haiku-latest'],
    ['ModelClaude3_7Sonnet20250219', 'claude-3-7-sonnet-20250219'], ['ModelClaudeHaiku4_5_20251001', 'claude-haiku-4-5-20251001'], ['ModelClaude4Sonnet20250514', 'claude-4-sonnet-20250514'],
    ['GPT_4O', 'gpt-4o'], ['GPT_4O_MINI', 'gpt-4o-mini'], ['GPT_4_1', 'gpt-4.1'], ['GPT_4_1_MINI_2025_04_14', 'gpt-4.1-mini-2025-04-14'], ['GPT_3_5_TURBO', 'gpt-3.5-turbo'],
    ['GPT_4_0613', 'gpt-4-0613'], ['GPT_4_32K', 'gpt-4-32k'], ['O3_MINI', 'o3-mini'], ['O1', 'o1'], ['CHATGPT_4O_LATEST', 'chatgpt-4o-latest'], ['GPT_5', 'gpt-5'],
    ['TEXT_EMBEDDING_3_LARGE', 'text-embedding-3-large'], ['CLAUDE_SONNET_4_5_20250929', 'claude-sonnet-4-5-20250929'], ['CLAUDE_3_5_HAIKU_LATEST', 'claude-3-5-haiku-latest'],
    ['CLAUDE_OPUS_4_1_20250805', 'claude-opus-4-1-20250805'],
  ];
  for (const [name, id] of pairs) assert.equal(generatedModelConstant(name), id, name);
});

test('names that are not model constants give null', () => {
  for (const name of ['ChatModel', 'MaxTokens', 'Role', 'ModelX', 'USER', 'TEMPERATURE']) assert.equal(generatedModelConstant(name), null, name);
});

test('go-openai constants come from its published table, irregular names included', () => {
  assert.equal(goOpenAiConstant('GPT4o'), 'gpt-4o');
  assert.equal(goOpenAiConstant('GPT4Turbo0125'), 'gpt-4-0125-preview');
  assert.equal(goOpenAiConstant('GPT4oLatest'), 'chatgpt-4o-latest');
  assert.equal(goOpenAiConstant('GPT3Dot5Turbo'), 'gpt-3.5-turbo');
  assert.equal(goOpenAiConstant('AdaEmbeddingV2'), 'text-embedding-ada-002');
  assert.equal(goOpenAiConstant('_source'), null);
  assert.equal(goOpenAiConstant('toString'), null);
});
