// Go expressions → the shared value type: string literals (interpreted and raw), `+` and fmt.Sprintf, composite
// literals (request structs, message slices), SDK model and role constants, the SDKs' helper calls.
import type { Node } from 'web-tree-sitter';
import { UNKNOWN_VALUE, type SharedValue } from '../request/value';
import type { Evaluator } from '../frontend/evaluator';
import { goOpenAiConstant, generatedModelConstant } from '../frontend/modelIds';
import { constructed, formatString, list, message, nameValue, object, plusValue, requestKey, str } from '../frontend/values';
import { namedChildren } from './syntax';

/** helpers that return their argument (`openai.String("x")`, `anthropic.Int(1024)`, `openai.F(...)`, `param.NewOpt`) */
const IDENTITY = new Set(['F', 'String', 'Int', 'Float', 'Bool', 'Opt', 'NewOpt', 'Ptr', 'string']);
/** message helpers of openai-go / anthropic-sdk-go → their role */
const MESSAGE_ROLES: Record<string, string> = {
  UserMessage: 'user', SystemMessage: 'system', AssistantMessage: 'assistant', DeveloperMessage: 'system',
  NewUserMessage: 'user', NewAssistantMessage: 'assistant',
};
/** option functions: their argument is one request or client setting */
const OPTION_KEYS: Record<string, string> = {
  WithBaseURL: 'baseURL', WithModel: 'model', WithMaxTokens: 'maxTokens', WithServerURL: 'baseURL',
};

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'" };

function goString(node: Node): string {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  return node.text.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => (e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : ESCAPES[e] ?? e));
}

export interface GoFile { imports: Map<string, string> }

type Sdkish = 'go-openai' | 'generated' | null;

function packageKind(file: GoFile, alias: string): Sdkish {
  const path = file.imports.get(alias);
  if (!path) return null;
  if (path.includes('sashabaranov/go-openai')) return 'go-openai';
  return /openai\/openai-go|anthropics\/anthropic-sdk-go|google\.golang\.org\/genai/.test(path) ? 'generated' : null;
}

/** `openai.GPT4o`, `openai.ChatModelGPT4o`, `anthropic.ModelClaudeSonnet4_5`, `openai.ChatMessageRoleUser` */
function packageConstant(file: GoFile, alias: string, name: string): SharedValue | null {
  const kind = packageKind(file, alias);
  const id = kind === 'go-openai' ? goOpenAiConstant(name) : kind === 'generated' ? generatedModelConstant(name) : null;
  return id ? str(id, 'constant') : null;
}

function compositeValue(node: Node, ctor: string | undefined, ev: Evaluator): SharedValue {
  const elems = namedChildren(node);
  if (elems.some((e) => e.type === 'keyed_element')) {
    const entries: [string, SharedValue][] = [];
    for (const e of elems) {
      const [k, v] = namedChildren(e);
      // a struct field name (`Model:`), or a map key written as a string (`"model":`, a raw HTTP body)
      const keyNode = k ? namedChildren(k)[0] ?? k : null;
      const key = !keyNode ? '' : keyNode.type === 'interpreted_string_literal' || keyNode.type === 'raw_string_literal' ? goString(keyNode) : keyNode.text;
      entries.push([requestKey(key), v ? ev.value(namedChildren(v)[0] ?? v) : UNKNOWN_VALUE]);
    }
    return object(entries, ctor);
  }
  return list(elems.map((e) => {
    const inner = e.type === 'literal_element' ? namedChildren(e)[0] ?? e : e;
    return inner.type === 'literal_value' ? compositeValue(inner, undefined, ev) : ev.value(inner);
  }));
}

function callValue(node: Node, file: GoFile, ev: Evaluator): SharedValue {
  const fn = node.childForFieldName('function');
  const args = namedChildren(node.childForFieldName('arguments'));
  const name = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text ?? '' : fn?.text ?? '';
  const callee = fn?.text ?? '';
  if (callee === 'fmt.Sprintf' && args[0]) return formatString(ev.value(args[0]), args.slice(1).map((a) => ({ value: ev.value(a), source: a.text })), 'printf');
  if (IDENTITY.has(name) && args.length === 1) return ev.value(args[0]);
  // a conversion to an SDK's model type (`openai.EmbeddingModel(p.model)`, `openai.ChatModel(name)`) is its argument
  const pkg = fn?.type === 'selector_expression' ? fn.childForFieldName('operand')?.text ?? '' : '';
  if (/^[A-Z]\w*Model$/.test(name) && args.length === 1 && packageKind(file, pkg)) return ev.value(args[0]);
  if (name in MESSAGE_ROLES && args.length) return message(MESSAGE_ROLES[name]!, args.length === 1 ? ev.value(args[0]) : list(args.map((a) => ev.value(a))));
  if (name === 'NewTextBlock' && args[0]) return object([['type', str('text')], ['text', ev.value(args[0])]]);
  // genai.Text("...") is the user turn of a GenerateContent request
  if (callee.endsWith('.Text') && fn?.type === 'selector_expression' && args.length === 1) return list([message('user', ev.value(args[0]))]);
  if (name in OPTION_KEYS && args.length === 1) return object([[OPTION_KEYS[name]!, ev.value(args[0])]]);
  const values = args.map((a) => ev.value(a));
  // constructors take their settings as option values (`openai.NewClient(option.WithBaseURL(u))`): merged
  const options = values.filter((v) => v.k === 'object');
  const named = options.length ? object(options.flatMap((o) => (o.k === 'object' ? o.keys().map((k): [string, SharedValue] => [k, o.get(k)!]) : []))) : null;
  return constructed(callee, values, named);
}

export function goEvaluate(file: GoFile) {
  return (node: Node, ev: Evaluator): SharedValue => {
    switch (node.type) {
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return str(goString(node));
      case 'int_literal':
      case 'float_literal':
        return { k: 'lit', value: Number(node.text.replace(/_/g, '')), src: 'literal' };
      case 'true': return { k: 'lit', value: true, src: 'literal' };
      case 'false': return { k: 'lit', value: false, src: 'literal' };
      case 'nil': return { k: 'lit', value: null, src: 'literal' };
      case 'parenthesized_expression':
      case 'expression_list':
      case 'literal_element':
        return ev.value(namedChildren(node)[0]);
      case 'unary_expression':
        return ev.value(node.childForFieldName('operand'));
      // `[]byte(s)`, `(*T)(x)`: a conversion keeps its operand's value
      case 'type_conversion_expression':
        return ev.value(node.childForFieldName('operand') ?? namedChildren(node).at(-1) ?? null);
      case 'binary_expression': return plusValue(node, ev);
      case 'identifier': return nameValue(ev, node.text, node);
      case 'selector_expression': {
        const operand = node.childForFieldName('operand');
        const field = node.childForFieldName('field')?.text ?? '';
        if (operand?.type === 'identifier' && file.imports.has(operand.text)) return packageConstant(file, operand.text, field) ?? { k: 'unknown', hint: node.text };
        // a struct field (`s.client`): whatever the file assigns to a field of that name
        const b = ev.binding(field, node);
        if (b?.value) return ev.value(b.value);
        if (b?.type) return constructed(b.type, []);
        return { k: 'unknown', hint: node.text };
      }
      case 'composite_literal': {
        const type = node.childForFieldName('type');
        const ctor = type?.type === 'qualified_type' || type?.type === 'type_identifier' ? type.text : undefined;
        return compositeValue(node.childForFieldName('body') ?? node, ctor, ev);
      }
      case 'literal_value':
        return compositeValue(node, undefined, ev);
      case 'call_expression':
        return callValue(node, file, ev);
      default:
        return { k: 'unknown', hint: node.type };
    }
  };
}

