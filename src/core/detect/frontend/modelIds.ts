// SDK model constants → model ids. go-openai's names are irregular (`GPT4Turbo0125` is "gpt-4-0125-preview"), so
// they come from a table of its published constants (go-openai-models.json). The generated SDKs (openai-go,
// anthropic-sdk-go, openai-java, anthropic-java) derive every constant from the id by one rule, so the rule is
// inverted here: `ChatModelGPT4_1Mini` / `GPT_4_1_MINI` → "gpt-4.1-mini", `ModelClaudeSonnet4_5_20250929` /
// `CLAUDE_SONNET_4_5_20250929` → "claude-sonnet-4-5-20250929" (test/unit/detect-model-constants.test.ts pins pairs
// read from the SDKs).
import GO_OPENAI from './go-openai-models.json';

const GO_OPENAI_TABLE = GO_OPENAI as Record<string, string>;

/** go-openai (`openai.GPT4o`, `openai.ChatMessageRoleUser`): the published value, or null. */
export function goOpenAiConstant(name: string): string | null {
  return name !== '_source' && Object.hasOwn(GO_OPENAI_TABLE, name) ? GO_OPENAI_TABLE[name]! : null;
}

/** UPPER_SNAKE (Java: the separators are explicit) or CamelCase (Go: words and numbers split) → kebab-case. */
function kebab(name: string): string {
  if (name === name.toUpperCase() && !/[A-Z]\d/.test(name)) return name.replace(/_/g, '-').toLowerCase();
  return name
    .replace(/_/g, '-')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/([A-Za-z])(\d)/g, '$1-$2')
    .replace(/(\d)([A-Z])/g, '$1-$2')
    .replace(/-+/g, '-')
    .toLowerCase();
}

/** The prefixes the generated SDKs put before a model id (`ChatModel`, `Model`, `EmbeddingModel`, ...). */
const PREFIX = /^(ChatModel|ResponsesModel|EmbeddingModel|ImageModel|AudioModel|Model)(?=[A-Z_])/;

/** A generated SDK's model constant → the model id, or null when the name does not look like one. */
export function generatedModelConstant(name: string): string | null {
  const bare = name.replace(PREFIX, '').replace(/^_/, '');
  if (!/^(gpt|chatgpt|o\d|claude|text[-_]?embedding|dall|whisper|tts|gemini|davinci|babbage)/i.test(bare)) return null;
  let id = kebab(bare);
  // OpenAI writes minor versions with a dot (gpt-4.1, gpt-3.5-turbo, gpt-5.1); the constants cannot
  id = id.replace(/^(gpt|chatgpt)-(\d)-(\d)(?=-|$)/, '$1-$2.$3');
  // o-series ids have no dash between the letter and the number (o3-mini)
  id = id.replace(/^o-(\d)/, 'o$1');
  return id;
}
