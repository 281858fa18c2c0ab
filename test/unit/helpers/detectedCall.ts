// One detected OpenAI chat call (gpt-4o-mini, 1,000 requests/day, a literal user prompt) for costing tests.
import type { DetectedCall } from '../../../src/core/detect/types';

export function openAiChatCall(overrides: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'a.py', line: 3, column: 1, endLine: 3, language: 'python', sdk: 'openai', api: 'chat.completions.create', kind: 'chat',
    model: 'gpt-4o-mini', modelSource: 'literal', maxTokens: null, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
    qualifiedName: 'f', annotation: '1000/day', confidence: 1, promptParts: [{ role: 'user', source: 'literal', text: 'Hello there', placeholders: [] }],
    ...overrides,
  };
}
