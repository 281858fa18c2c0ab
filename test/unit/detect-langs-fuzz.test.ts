// Fixed-seed fuzz of the Go, Java, C# and Ruby front ends: random token soups and mutated fixtures (cut,
// duplicated, shuffled, truncated, spliced with SDK-looking tokens), plus pathological shapes (deep chains, names
// bound to themselves, deep nesting). Nothing may throw, detectCalls must never report an analysis error (a crash
// the framework caught), and every reported call must be well-formed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type WorkspaceReader } from '../../src/core/detect/index';
import { mulberry32 } from './helpers/prng';
import { mutate, soup } from './helpers/fuzz';

const COMMON = ['(', ')', '{', '}', '[', ']', '.', ',', ';', ':', '=', '+', '"gpt-4o"', '"hi"', 'client', 'model', 'Model', 'messages', '\n', ' ', 'x', '1024', '日本', '"', "'", '`', '%s', '{0}', '#{q}', '$"a {b}"', '"""', '<<~EOS'];
const TOKENS: Record<string, string[]> = {
  go: [...COMMON, 'package main', 'import', '"github.com/sashabaranov/go-openai"', '"github.com/openai/openai-go"', '"github.com/anthropics/anthropic-sdk-go"', 'openai', 'anthropic', 'CreateChatCompletion', 'Chat.Completions.New', 'Messages.New', 'openai.ChatCompletionRequest{', 'openai.GPT4o', 'anthropic.ModelClaudeSonnet4_5', 'fmt.Sprintf', ':=', 'func', '&', 'ctx', 'MaxTokens:', 'Messages:', '[]openai.ChatCompletionMessage{', 'openai.UserMessage('],
  java: [...COMMON, 'import com.openai.models.ChatModel;', 'import dev.langchain4j.model.openai.OpenAiChatModel;', 'import org.springframework.ai.chat.client.ChatClient;', 'class A', 'new', '.builder()', '.model(ChatModel.GPT_4O)', '.addUserMessage(', '.build()', 'client.chat().completions().create(', '.prompt()', '.user(', '.call()', 'String.format(', 'var', 'this.', 'ChatClient', 'OpenAiChatModel'],
  csharp: [...COMMON, 'using OpenAI.Chat;', 'using Microsoft.SemanticKernel;', 'using Azure.AI.OpenAI;', 'new ChatClient(', 'new("gpt-4o")', 'CompleteChatAsync(', 'new UserChatMessage(', 'await', 'var', 'new ChatCompletionsOptions {', 'DeploymentName =', 'InvokePromptAsync(', 'AddOpenAIChatCompletion(', '@"v"', '??', 'Environment.GetEnvironmentVariable("M")', 'string.Format('],
  ruby: [...COMMON, 'require "openai"', 'require "anthropic"', 'require "ruby_llm"', 'OpenAI::Client.new', 'Anthropic::Client.new', 'RubyLLM.chat(model: "x")', '.ask(', 'parameters:', 'max_tokens:', 'messages:', '@client', '||=', 'def', 'end', 'class', 'do |c|', '.messages.create(', 'ENV.fetch("M", "d")', '<<~P\nhi\nP\n', ':sym', '=>'],
};
const EXT: Record<string, string> = { go: '.go', java: '.java', csharp: '.cs', ruby: '.rb' };

const PATHOLOGICAL: Record<string, string[]> = {
  go: [
    `package p\nimport "github.com/sashabaranov/go-openai"\nfunc f() { c${'.\n X'.repeat(3000)}.CreateChatCompletion(ctx, openai.ChatCompletionRequest{}) }`,
    `package p\nimport "github.com/sashabaranov/go-openai"\nfunc f() { a := b; b := a; m := m + m; c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: a, Messages: m}) }`,
    `package p\nimport "github.com/sashabaranov/go-openai"\nvar m = ${'(\n'.repeat(800)}"x"${')'.repeat(800)}\nfunc f() { c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: m}) }`,
    // 2,000 own types embedding each other and one embedding the SDK client
    `package p\nimport "github.com/sashabaranov/go-openai"\n${Array.from({ length: 2000 }, (_, i) => `type T${i} struct { *T${i + 1} }\n`).join('')}type T2000 struct { *openai.Client }\nfunc (c *T0) f() { c.CreateChatCompletion(ctx, openai.ChatCompletionRequest{}) }`,
  ],
  java: [
    `import com.openai.models.ChatModel;\nclass A { void f() { var p = X.builder()${'\n .addUserMessage("a")'.repeat(2000)}.build(); client.chat().completions().create(p); } }`,
    `import com.openai.models.ChatModel;\nclass A { String a = b; String b = a; void f() { client.chat().completions().create(P.builder().model(a).build()); } }`,
  ],
  csharp: [
    `using OpenAI.Chat;\nclass A { void f() { var s = ${'"a" +\n '.repeat(2000)}"b"; new ChatClient(s, k).CompleteChat(new UserChatMessage(s)); } }`,
    `using OpenAI.Chat;\nclass A { string a = b; string b = a; void f() { new ChatClient(a, k).CompleteChat(a); } }`,
  ],
  ruby: [
    `require "openai"\nc = OpenAI::Client.new\nc.chat(parameters: { model: "m", messages: ${'[\n'.repeat(1500)}${']'.repeat(1500)} })`,
    `require "openai"\na = b\nb = a\n@c ||= @c\n@c.chat(parameters: { model: a })`,
    `require "openai"\nx = <<~A\n  one #{<<~B}\n  two\nB\nA\nOpenAI::Client.new.chat(parameters: { model: "m", messages: [{ role: "user", content: x }] })`,
    // 1,500 nested example groups, each with a let: lets are collected top-down, not by walking up from each one
    `require "openai"\n${'describe "g" do\n  let(:m) { "x" }\n'.repeat(1500)}let(:r) { OpenAI::Client.new.chat(parameters: { model: model }) }\n${'end\n'.repeat(1500)}`,
    // a 2,000-class agent chain and an agent class that inherits from itself
    `require "ruby_llm"\n${Array.from({ length: 2000 }, (_, i) => `class A${i + 1} < A${i}\n  model "m${i}"\nend\n`).join('')}class A0 < RubyLLM::Agent\nend\nclass L < L\nend\nA2000.new.ask("x")\nL.new.ask("y")`,
  ],
};

function fixtures(lang: string): string[] {
  const root = path.join('test/fixtures', lang);
  return fs.readdirSync(root).filter((n) => n.endsWith(EXT[lang]!)).map((n) => fs.readFileSync(path.join(root, n), 'utf8'));
}

describe('Go/Java/C#/Ruby detector fuzz (seed 20261203)', () => {
  for (const lang of Object.keys(EXT)) {
    it(`${lang}: survives 300 token soups, 500 mutated fixtures and pathological shapes`, async () => {
      const rand = mulberry32(20261203);
      const sources = fixtures(lang);
      assert.ok(sources.length >= 2);
      const ws: WorkspaceReader = { readFile: () => null, exists: () => false };
      const tokens = TOKENS[lang]!;
      let calls = 0;
      const cases = [
        ...Array.from({ length: 300 }, () => soup(rand, tokens, 200, 0.3)),
        ...Array.from({ length: 500 }, () => mutate(sources[Math.floor(rand() * sources.length)]!, rand, tokens, 1)),
        ...PATHOLOGICAL[lang]!,
      ];
      for (const [n, text] of cases.entries()) {
        const file = `fuzz/case${n}${EXT[lang]}`;
        const result = await detectCalls(file, text, ws);
        assert.ok(!result.skipped?.startsWith('analysis error'), `case ${n}: ${result.skipped}\n${text.slice(0, 400)}`);
        for (const c of result.calls) {
          calls++;
          assert.ok(c.line >= 1 && c.column >= 1 && c.endLine >= c.line, `case ${n}: bad position`);
          assert.ok(c.confidence > 0 && c.confidence <= 1);
          assert.ok(c.maxTokens === null || Number.isFinite(c.maxTokens));
          assert.equal(c.file, file);
        }
      }
      // the mutated fixtures must still yield calls, or the fuzz would only be exercising the prefilter
      assert.ok(calls > 200, `${lang}: only ${calls} calls`);
    });
  }
});
