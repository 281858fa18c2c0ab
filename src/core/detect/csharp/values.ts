// C# expressions → the shared value type: regular, verbatim, raw and interpolated strings, `+`, `??` defaults,
// string.Format, object creation with initializers (options objects, message classes), OpenAI client factories.
import type { Node } from 'web-tree-sitter';
import { UNKNOWN_VALUE, type SharedValue } from '../request/value';
import { parentOf } from '../ancestors';
import type { Evaluator } from '../frontend/evaluator';
import { concat, constructed, formatString, list, message, nameValue, object, requestKey, str } from '../frontend/values';
import { CSHARP_KEY_ALIASES } from './sdks';
import { argumentValue, namedChildren, typeName } from './syntax';

/** message classes of OpenAI .NET, Azure.AI.OpenAI 1.x and Microsoft.Extensions.AI → role */
const MESSAGE_CLASSES: Record<string, string> = {
  UserChatMessage: 'user', SystemChatMessage: 'system', AssistantChatMessage: 'assistant', DeveloperChatMessage: 'system',
  ChatRequestUserMessage: 'user', ChatRequestSystemMessage: 'system', ChatRequestAssistantMessage: 'assistant',
};
const MESSAGE_FACTORIES: Record<string, string> = {
  CreateUserMessage: 'user', CreateSystemMessage: 'system', CreateAssistantMessage: 'assistant', CreateDeveloperMessage: 'system',
};
/** factories returning a chat client for the model named by their first argument */
const CHAT_CLIENT_FACTORIES = new Set(['GetChatClient', 'AsChatClient']);
const EMBEDDING_CLIENT_FACTORIES = new Set(['GetEmbeddingClient']);
const IMAGE_CLIENT_FACTORIES = new Set(['GetImageClient']);
const PASS_THROUGH = new Set(['AsIChatClient', 'AsBuilder', 'Build', 'ConfigureAwait', 'Trim']);

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", '0': '\0' };
const unescape = (s: string) => s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESCAPES[e] ?? e));

/** A raw string's content: the closing delimiter's indentation is removed from every line. */
function rawContent(node: Node): string {
  const content = namedChildren(node).filter((c) => c.type === 'raw_string_content').map((c) => c.text).join('');
  if (!content.includes('\n')) return content;
  const lines = content.replace(/^[ \t]*\r?\n/, '').split('\n');
  const last = lines.at(-1) ?? '';
  const cut = /^[ \t]*$/.test(last) ? last.length : 0;
  if (cut || /^[ \t]*$/.test(last)) lines.pop();
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

function interpolated(node: Node, ev: Evaluator): SharedValue {
  const verbatim = /^\$?@|^@\$/.test(node.text);
  const raw = /^\$+"""/.test(node.text);
  const pieces = namedChildren(node).flatMap((c) => {
    if (c.type === 'string_content' || c.type === 'raw_string_content') return [{ value: str(verbatim ? c.text.replace(/""/g, '"') : raw ? c.text : unescape(c.text)), source: '' }];
    if (c.type === 'escape_sequence') return [{ value: str(unescape(c.text)), source: '' }];
    if (c.type === 'interpolation') {
      const expr = namedChildren(c).find((x) => x.type !== 'interpolation_brace' && x.type !== 'interpolation_alignment_clause' && x.type !== 'interpolation_format_clause');
      return expr ? [{ value: ev.value(expr), source: expr.text }] : [];
    }
    return [];
  });
  return concat(pieces);
}

function initializerObject(init: Node, ctor: string | undefined, ev: Evaluator): SharedValue {
  const items = namedChildren(init);
  if (items.length && items.every((i) => i.type === 'assignment_expression')) {
    // OpenAI .NET's client options: `Endpoint` is the base URL (Azure's endpoint is a constructor argument, the API)
    const aliases = ctor === 'OpenAIClientOptions' ? { ...CSHARP_KEY_ALIASES, endpoint: 'baseUrl' } : CSHARP_KEY_ALIASES;
    return object(items.map((a): [string, SharedValue] => [requestKey(a.childForFieldName('left')?.text ?? '', aliases), ev.value(a.childForFieldName('right'))]), ctor);
  }
  return list(items.map((i) => ev.value(i)));
}

function creation(node: Node, ev: Evaluator): SharedValue {
  let type = typeName(node.childForFieldName('type'));
  if (node.type === 'implicit_object_creation_expression') {
    // `ChatClient client = new("gpt-4o", key)`: the declared type
    const decl = parentOf(node);
    const v = decl?.type === 'variable_declarator' ? parentOf(decl) : null;
    type = v?.type === 'variable_declaration' ? typeName(v.childForFieldName('type')) : undefined;
  }
  const argList = namedChildren(node).find((c) => c.type === 'argument_list');
  const args = namedChildren(argList ?? null).filter((a) => a.type === 'argument');
  const positional = args.filter((a) => !a.childForFieldName('name')).map((a) => ev.value(argumentValue(a)));
  const namedArgs = args.filter((a) => a.childForFieldName('name')).map((a): [string, SharedValue] => [requestKey(a.childForFieldName('name')!.text, CSHARP_KEY_ALIASES), ev.value(argumentValue(a))]);
  const init = namedChildren(node).find((c) => c.type === 'initializer_expression');
  if (type === 'Uri' && positional.length === 1) return positional[0]!;
  if (type && type in MESSAGE_CLASSES) return message(MESSAGE_CLASSES[type]!, positional.length === 1 ? positional[0]! : list(positional));
  if (init) return initializerObject(init, type, ev);
  return constructed(type ?? 'object', positional, namedArgs.length ? object(namedArgs) : null);
}

function invocation(node: Node, ev: Evaluator): SharedValue {
  const fn = node.childForFieldName('function');
  const argNodes = namedChildren(node.childForFieldName('arguments')).filter((a) => a.type === 'argument').map(argumentValue);
  const name = fn?.type === 'member_access_expression' ? namedChildren(fn.childForFieldName('name'))[0]?.text ?? fn.childForFieldName('name')?.text ?? '' : fn?.text ?? '';
  const recvNode = fn?.type === 'member_access_expression' ? fn.childForFieldName('expression') : null;
  const args = argNodes.map((a) => ev.value(a));
  if (/^string$|^String$/.test(recvNode?.text ?? '') && name === 'Format' && args[0]) return formatString(args[0], argNodes.slice(1).map((a, i) => ({ value: args[i + 1]!, source: a.text })), 'dotnet');
  if (recvNode?.text === 'Environment' && name === 'GetEnvironmentVariable') {
    const v = args[0];
    return v?.k === 'lit' && typeof v.value === 'string' ? { k: 'env', name: v.value, def: null } : UNKNOWN_VALUE;
  }
  if (name in MESSAGE_FACTORIES) return message(MESSAGE_FACTORIES[name]!, args.length === 1 ? args[0]! : list(args));
  if (CHAT_CLIENT_FACTORIES.has(name) && args.length) return constructed('ChatClient', args);
  if (EMBEDDING_CLIENT_FACTORIES.has(name) && args.length) return constructed('EmbeddingClient', args);
  if (IMAGE_CLIENT_FACTORIES.has(name) && args.length) return constructed('ImageClient', args);
  if (PASS_THROUGH.has(name) && recvNode) return ev.value(recvNode);
  return { k: 'unknown', hint: node.text.slice(0, 60) };
}

export function csharpEvaluate(node: Node, ev: Evaluator): SharedValue {
  switch (node.type) {
    case 'string_literal': return str(unescape(node.text.replace(/^"|"(u8)?$/g, '')));
    case 'verbatim_string_literal': return str(node.text.slice(2, -1).replace(/""/g, '"'));
    case 'raw_string_literal': return str(rawContent(node));
    case 'interpolated_string_expression': return interpolated(node, ev);
    case 'integer_literal':
    case 'real_literal':
      return { k: 'lit', value: Number(node.text.replace(/[_uUlLfFdDmM]/g, '')), src: 'literal' };
    case 'boolean_literal': return { k: 'lit', value: node.text === 'true', src: 'literal' };
    case 'null_literal': return { k: 'lit', value: null, src: 'literal' };
    case 'parenthesized_expression':
    case 'await_expression':
    case 'equals_value_clause':
    case 'arrow_expression_clause':
      return ev.value(namedChildren(node).at(-1));
    case 'cast_expression': return ev.value(node.childForFieldName('value'));
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if (op === '+') return concat([{ value: ev.value(l), source: l?.text ?? '' }, { value: ev.value(r), source: r?.text ?? '' }]);
      if (op === '??') {
        const left = ev.value(l);
        const right = ev.value(r);
        if (left.k === 'env') return { ...left, def: right };
        if (left.k === 'unknown' && right.k === 'lit') return { ...right, src: 'env-default' };
        return left;
      }
      return { k: 'unknown', hint: node.text };
    }
    case 'identifier': return nameValue(ev, node.text, node);
    case 'member_access_expression': return nameValue(ev, node.childForFieldName('name')?.text ?? '', node);
    case 'object_creation_expression':
    case 'implicit_object_creation_expression':
      return creation(node, ev);
    case 'invocation_expression': return invocation(node, ev);
    case 'initializer_expression':
    case 'collection_expression':
      return list(namedChildren(node).map((c) => ev.value(c.type === 'expression_element' ? namedChildren(c)[0] : c)));
    // `[a, b]` as an argument (a C# 12 collection expression) parses as an element binding
    case 'element_binding_expression':
      return list(namedChildren(node).filter((c) => c.type === 'argument').map((a) => ev.value(argumentValue(a))));
    case 'array_creation_expression':
    case 'implicit_array_creation_expression':
      return ev.value(namedChildren(node).find((c) => c.type === 'initializer_expression'));
    default: return { k: 'unknown', hint: node.type };
  }
}


/** Semantic Kernel: the model given to `AddOpenAIChatCompletion("gpt-4o", …)` (or `modelId:` / `deploymentName:`) in this file. */
export function kernelModel(root: Node): SharedValue | null {
  for (const call of root.descendantsOfType('invocation_expression')) {
    const fn = call?.childForFieldName('function');
    const name = fn?.type === 'member_access_expression' ? fn.childForFieldName('name')?.text ?? '' : '';
    if (!call || !/^Add(Azure)?OpenAIChatCompletion$/.test(name)) continue;
    const args = namedChildren(call.childForFieldName('arguments')).filter((a) => a.type === 'argument');
    const arg = args.find((a) => /^(modelId|deploymentName)$/.test(a.childForFieldName('name')?.text ?? '')) ?? args.find((a) => !a.childForFieldName('name'));
    const v = arg ? argumentValue(arg) : null;
    if (v?.type === 'string_literal') return str(v.text.slice(1, -1));
  }
  return null;
}
