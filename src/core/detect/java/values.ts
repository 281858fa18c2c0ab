// Java expressions → the shared value type: string literals and text blocks, `+`, String.format / formatted,
// SDK model constants (`ChatModel.GPT_4O`, `Model.CLAUDE_SONNET_4_5`), and builders: `X.builder().model(m)
// .addUserMessage(u).build()` folds into an object of X whose keys are the setters' names.
import type { Node } from 'web-tree-sitter';
import { UNKNOWN_VALUE, type SharedValue } from '../request/value';
import type { Evaluator } from '../frontend/evaluator';
import { generatedModelConstant } from '../frontend/modelIds';
import { constructed, formatString, list, message, nameValue, object, plusValue, str } from '../frontend/values';
import { namedChildren } from './syntax';

/** classes whose constants are model ids */
const MODEL_HOLDERS = new Set(['ChatModel', 'Model', 'EmbeddingModel', 'ImageModel', 'AudioModel', 'OpenAiChatModelName', 'OpenAiEmbeddingModelName', 'AnthropicChatModelName']);
/** builder setters adding one message: their role */
const ADD_MESSAGE: Record<string, string> = {
  addUserMessage: 'user', addSystemMessage: 'system', addAssistantMessage: 'assistant', addDeveloperMessage: 'system', user: 'user',
};
/** builder setters whose argument is the system prompt */
const SYSTEM_SETTERS = new Set(['system', 'defaultSystem', 'instructions']);
/** message factories (LangChain4j `UserMessage.from`, Spring AI `new UserMessage(...)`) → role */
const MESSAGE_CLASSES: Record<string, string> = { UserMessage: 'user', SystemMessage: 'system', AiMessage: 'assistant', AssistantMessage: 'assistant' };
const PASS_THROUGH = new Set(['build', 'toBuilder', 'get', 'orElseThrow', 'trim', 'strip', 'stripIndent']);

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", s: ' ' };

/** A text block's content: the common indentation (the closing delimiter's line included) is removed. */
function textBlock(raw: string): string {
  const body = raw.slice(3, -3).replace(/^[ \t]*\r?\n/, '');
  const lines = body.split('\n');
  const indents = lines.filter((l, i) => l.trim() || i === lines.length - 1).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut).replace(/[ \t]+$/, '')).join('\n').replace(/\\\n/g, '');
}

function javaString(node: Node): string {
  const t = node.text;
  const raw = t.startsWith('"""') ? textBlock(t) : t.slice(1, -1);
  return raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESCAPES[e] ?? e));
}

function entriesOf(v: SharedValue): [string, SharedValue][] {
  return v.k === 'object' ? v.keys().map((k): [string, SharedValue] => [k, v.get(k)!]) : [];
}

/** One builder step: `model(m)` sets a key, `addUserMessage(u)` appends a message, `build()` ends. */
function builderStep(b: Extract<SharedValue, { k: 'object' }>, name: string, args: SharedValue[]): SharedValue {
  const entries = entriesOf(b);
  const arg = args[0] ?? UNKNOWN_VALUE;
  if (name in ADD_MESSAGE || name === 'messages' || name === 'addMessage') {
    const prev = b.get('messages');
    const items = prev?.k === 'list' ? prev.items() : [];
    const added = name === 'messages' ? (arg.k === 'list' ? arg.items() : [arg]) : name === 'addMessage' ? [arg] : [message(ADD_MESSAGE[name]!, arg)];
    return object([...entries.filter(([k]) => k !== 'messages'), ['messages', list([...items, ...added])]], b.ctor);
  }
  // Spring AI `chatClient.prompt()` / `.prompt("text")` starts a request on the client's defaults
  if (name === 'prompt') return args[0] ? builderStep(b, 'user', args) : b;
  // an Assistants run without a model of its own runs the assistant's: `.assistantId(assistant.id())` of one made here
  const assistantModel = name === 'assistantId' && arg.k === 'object' && arg.ctor === 'Assistant' ? arg.get('model') : undefined;
  if (assistantModel && !b.get('model')) return object([...entries, ['assistantId', arg], ['model', assistantModel]], b.ctor);
  const key = SYSTEM_SETTERS.has(name) ? 'system' : name;
  return object([...entries.filter(([k]) => k !== key), [key, arg]], b.ctor);
}

function invocation(node: Node, ev: Evaluator): SharedValue {
  const objNode = node.childForFieldName('object');
  const name = node.childForFieldName('name')?.text ?? '';
  const argNodes = namedChildren(node.childForFieldName('arguments'));
  const args = argNodes.map((a) => ev.value(a));
  const pieces = () => argNodes.slice(1).map((a, i) => ({ value: args[i + 1]!, source: a.text }));
  if (objNode?.text === 'String' && name === 'format' && args[0]) return formatString(args[0], pieces(), 'printf');
  if (name === 'formatted' && objNode) return formatString(ev.value(objNode), argNodes.map((a, i) => ({ value: args[i]!, source: a.text })), 'printf');
  if (objNode?.type === 'identifier' && objNode.text in MESSAGE_CLASSES && /^(from|userMessage|systemMessage|aiMessage)$/.test(name)) return message(MESSAGE_CLASSES[objNode.text]!, args.at(-1) ?? UNKNOWN_VALUE);
  if (/^(List|Arrays|Stream)$/.test(objNode?.text ?? '') && /^(of|asList)$/.test(name)) return list(args);
  // `ChatCompletionCreateParams.builder()`, `OpenAiChatModel.builder()`: a builder of that class
  const cls = objNode && /^(identifier|field_access|scoped_identifier)$/.test(objNode.type) ? objNode.text.replace(/^.*\./, '') : '';
  if (name === 'builder' && /^[A-Z]/.test(cls)) return object([], cls);
  if (!objNode) return { k: 'unknown', hint: name };
  // `client.beta().assistants().create(params)`: the assistant, carrying its settings (its model runs use)
  if (name === 'create' && objNode.type === 'method_invocation' && objNode.childForFieldName('name')?.text === 'assistants' && args[0]?.k === 'object') {
    return object(entriesOf(args[0]), 'Assistant');
  }
  const recv = ev.value(objNode);
  if (PASS_THROUGH.has(name) && (recv.k === 'object' || recv.k === 'call')) return recv;
  if (recv.k === 'object' && recv.ctor) return builderStep(recv, name, args);
  // Spring AI: `chatClient.prompt()` / `.prompt("text")` starts a request on the client
  if (recv.k === 'call' && name === 'prompt') return object(args[0] ? [['messages', list([message('user', args[0])])]] : [], recv.callee);
  // a namespace accessor of a client (`client.chat().completions()`) is the same client
  if (recv.k === 'call' && !args.length && /^[a-z]\w*$/.test(name)) return recv;
  if (objNode.type === 'identifier' && /^[A-Z]/.test(objNode.text) && /^(fromEnv|create|builder|of)$/.test(name)) return constructed(objNode.text, args);
  return { k: 'unknown', hint: node.text.slice(0, 60) };
}

function creation(node: Node, ev: Evaluator): SharedValue {
  const type = (node.childForFieldName('type')?.text ?? '').replace(/<.*$/s, '').replace(/^.*\./, '');
  const args = namedChildren(node.childForFieldName('arguments')).map((a) => ev.value(a));
  if (type in MESSAGE_CLASSES && args.length === 1) return message(MESSAGE_CLASSES[type]!, args[0]!);
  // Spring AI `new Prompt("text")` / `new Prompt(messages)` / `new Prompt(message)`: the conversation
  if (type === 'Prompt' && args[0]) {
    const a = args[0];
    return a.k === 'lit' || a.k === 'text' ? list([message('user', a)]) : a.k === 'list' ? a : list([a]);
  }
  return constructed(type, args);
}

export function javaEvaluate(node: Node, ev: Evaluator): SharedValue {
  switch (node.type) {
    case 'string_literal': return str(javaString(node));
    case 'decimal_integer_literal':
    case 'hex_integer_literal':
    case 'decimal_floating_point_literal':
      return { k: 'lit', value: Number(node.text.replace(/[_lLfFdD]/g, '')), src: 'literal' };
    case 'true': return { k: 'lit', value: true, src: 'literal' };
    case 'false': return { k: 'lit', value: false, src: 'literal' };
    case 'null_literal': return { k: 'lit', value: null, src: 'literal' };
    case 'parenthesized_expression': return ev.value(namedChildren(node)[0]);
    case 'cast_expression': return ev.value(node.childForFieldName('value'));
    case 'binary_expression': return plusValue(node, ev);
    case 'identifier': {
      const v = nameValue(ev, node.text, node, typed);
      if (v.k !== 'unknown') return v;
      // `import static ….OpenAiChatModelName.GPT_4_O_MINI;` (or `.*`): the bare constant is the holder's
      const holder = staticImportHolder(node, node.text);
      return (holder && modelConstant(holder, node.text)) || v;
    }
    case 'field_access': {
      const obj = node.childForFieldName('object');
      const field = node.childForFieldName('field')?.text ?? '';
      const id = obj && modelConstant(obj.text, field);
      return id || nameValue(ev, field, node, typed);
    }
    case 'method_invocation': return invocation(node, ev);
    case 'object_creation_expression': return creation(node, ev);
    case 'array_initializer': return list(namedChildren(node).map((c) => ev.value(c)));
    case 'array_creation_expression': return ev.value(node.childForFieldName('value'));
    default: return { k: 'unknown', hint: node.type };
  }
}

/** `Holder.FIELD` of a class whose constants are model ids → the id, else null. */
function modelConstant(holder: string, field: string): SharedValue | null {
  const cls = holder.replace(/^.*\./, '');
  if (!MODEL_HOLDERS.has(cls)) return null;
  // LangChain4j spells the `o` of gpt-4o as its own word (GPT_4_O_MINI)
  const id = generatedModelConstant(cls.endsWith('ModelName') ? field.replace(/(\d)_O(?=_|$)/, '$1O') : field);
  return id ? str(id, 'constant') : null;
}

/** The class a bare `name` is statically imported from (`import static a.b.Holder.name;` or `Holder.*`), if any. */
function staticImportHolder(node: Node, name: string): string | null {
  for (const imp of node.tree.rootNode.children) {
    if (imp?.type !== 'import_declaration') continue;
    const m = /^import\s+static\s+([\w.]+)\.(\w+|\*)\s*;/.exec(imp.text);
    if (m && (m[2] === name || m[2] === '*')) return m[1]!;
  }
  return null;
}

/** A declared type: `ChatClient.Builder` is a builder of ChatClient, anything else an object of that type. */
function typed(type: string): SharedValue {
  return type.endsWith('.Builder') ? object([], type.slice(0, -'.Builder'.length)) : constructed(type, []);
}

