// Java: a model constant used bare through a static import (`import static ….OpenAiChatModelName.GPT_4_O_MINI;`,
// the LangChain4j tutorials' style) resolves like `OpenAiChatModelName.GPT_4_O_MINI`; look-alikes do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls } from '../../src/core/detect/index';

const service = (imports: string, body = '') => `import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
${imports}

public class Greeter {
    public String greet(String name) {
${body}        ChatModel model = OpenAiChatModel.builder()
                .apiKey(System.getenv("OPENAI_API_KEY"))
                .modelName(GPT_4_O_MINI)
                .build();
        return model.chat("Greet " + name);
    }
}
`;

async function modelOf(source: string): Promise<string | null> {
  const r = await detectCalls('src/Greeter.java', source);
  assert.equal(r.calls.length, 1, 'one chat call');
  return r.calls[0]!.model;
}

test('a statically imported model-name constant resolves to its id (single and wildcard import)', async () => {
  assert.equal(await modelOf(service('import static dev.langchain4j.model.openai.OpenAiChatModelName.GPT_4_O_MINI;')), 'gpt-4o-mini');
  assert.equal(await modelOf(service('import static dev.langchain4j.model.openai.OpenAiChatModelName.*;')), 'gpt-4o-mini');
});

test('look-alikes: the same name imported from another class, another member, or shadowed by a local', async () => {
  assert.equal(await modelOf(service('import static com.example.Settings.GPT_4_O_MINI;')), null);
  assert.equal(await modelOf(service('import static dev.langchain4j.model.openai.OpenAiChatModelName.GPT_4_O;')), null);
  assert.equal(await modelOf(service('import static dev.langchain4j.model.openai.OpenAiChatModelName.*;', '        String GPT_4_O_MINI = "my-finetune";\n')), 'my-finetune');
});
