// Ruby expressions → the shared value type: strings with #{} interpolation, heredocs (<<~ strips indentation),
// symbols, hashes and arrays, `+`, format / `%`, ENV lookups, `X::Client.new(...)` and RubyLLM chats.
import type { Node, Tree } from 'web-tree-sitter';
import { UNKNOWN_VALUE, type SharedValue } from '../request/value';
import type { Evaluator } from '../frontend/evaluator';
import { generatedModelConstant } from '../frontend/modelIds';
import { asConstant, concat, constructed, constructedArgs, formatString, list, object, requestKey, str } from '../frontend/values';
import { agentChat } from './agents';
import { RUBY_KEY_ALIASES } from './sdks';
import { exampleGroupOf, namedChildren, pairKey } from './syntax';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', "'": "'", e: '\u001b', s: ' ', '#': '#' };
/** RubyLLM chat refinements: the setting each one makes */
const CHAT_SETTERS: Record<string, string> = { with_instructions: 'system', with_model: 'model', with_temperature: 'temperature', with_max_output_tokens: 'max_output_tokens', with_params: 'params' };

const heredocs = new WeakMap<Tree, Map<number, Node>>();

/** The body of a heredoc: the n-th heredoc body of the file belongs to its n-th heredoc start. */
function heredocBody(start: Node): Node | null {
  let map = heredocs.get(start.tree);
  if (!map) {
    map = new Map();
    const root = start.tree.rootNode;
    const starts = root.descendantsOfType('heredoc_beginning').filter((n): n is Node => !!n);
    const bodies = root.descendantsOfType('heredoc_body').filter((n): n is Node => !!n);
    starts.forEach((s, i) => { if (bodies[i]) map!.set(s.id, bodies[i]!); });
    heredocs.set(start.tree, map);
  }
  return map.get(start.id) ?? null;
}

function pieces(node: Node, ev: Evaluator, raw: boolean): { value: SharedValue; source: string }[] {
  return namedChildren(node).flatMap((c) => {
    if (c.type === 'string_content' || c.type === 'heredoc_content') return [{ value: str(c.text), source: '' }];
    if (c.type === 'escape_sequence') return [{ value: str(raw ? c.text : c.text.replace(/^\\(.)/, (_, e: string) => ESCAPES[e] ?? e)), source: '' }];
    if (c.type === 'interpolation') {
      const expr = namedChildren(c)[0];
      return [{ value: expr ? ev.value(expr) : UNKNOWN_VALUE, source: expr?.text ?? '' }];
    }
    return [];
  });
}

/** `<<~` removes the smallest indentation of the body's non-blank lines (holes count as text). */
function squiggly(v: SharedValue): SharedValue {
  const dedent = (t: string) => {
    const lines = t.split('\n');
    const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
    const cut = indents.length ? Math.min(...indents) : 0;
    return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
  };
  if (v.k === 'lit' && typeof v.value === 'string') return { ...v, value: dedent(v.value) };
  if (v.k === 'text') return { ...v, text: dedent(v.text) };
  return v;
}

function stripFirstNewline(v: SharedValue): SharedValue {
  if (v.k === 'lit' && typeof v.value === 'string') return { ...v, value: v.value.replace(/^\r?\n/, '') };
  return v.k === 'text' ? { ...v, text: v.text.replace(/^\r?\n/, '') } : v;
}

function hashValue(node: Node, ev: Evaluator): SharedValue {
  const pairs = namedChildren(node).filter((p) => p.type === 'pair');
  return object(pairs.map((p): [string, SharedValue] => [requestKey(pairKey(p), RUBY_KEY_ALIASES), ev.value(p.childForFieldName('value'))]), undefined, pairs.length < namedChildren(node).length);
}

function callValue(node: Node, ev: Evaluator): SharedValue {
  const recv = node.childForFieldName('receiver');
  const method = node.childForFieldName('method')?.text ?? '';
  const argNodes = namedChildren(node.childForFieldName('arguments'));
  const pairs = argNodes.filter((a) => a.type === 'pair');
  const positional = argNodes.filter((a) => a.type !== 'pair' && a.type !== 'block_argument');
  const args = positional.map((a) => ev.value(a));
  const named = pairs.length ? object(pairs.map((p): [string, SharedValue] => [requestKey(pairKey(p), RUBY_KEY_ALIASES), ev.value(p.childForFieldName('value'))])) : null;
  if (recv?.text === 'ENV' && method === 'fetch' && args[0]?.k === 'lit') return { k: 'env', name: String(args[0].value), def: args[1] ?? null };
  if (!recv && (method === 'format' || method === 'sprintf') && args[0]) return formatString(args[0], positional.slice(1).map((a, i) => ({ value: args[i + 1]!, source: a.text })), 'printf');
  // a callable (ruby-openai streams to a `stream: proc { ... }`): true where a flag is read
  if (!recv && (method === 'proc' || method === 'lambda')) return { k: 'lit', value: true, src: 'literal' };
  if (!recv) return { k: 'unknown', hint: method };
  const agent = agentChat(recv, method, ev);
  if (agent) return agent;
  if (method === 'new' && /^(constant|scope_resolution)$/.test(recv.type)) return constructed(recv.text, args, named);
  if (recv.type === 'constant' && recv.text === 'RubyLLM' && method === 'chat') return constructed('RubyLLM.chat', args, named);
  const r = ev.value(recv);
  const made = constructedArgs(r);
  if (r.k === 'call' && made && method in CHAT_SETTERS) {
    const entries = made.named?.k === 'object' ? made.named.keys().map((k): [string, SharedValue] => [k, (made.named as Extract<SharedValue, { k: 'object' }>).get(k)!]) : [];
    return constructed(r.callee, made.positional, object([...entries, [CHAT_SETTERS[method]!, args[0] ?? named ?? UNKNOWN_VALUE]]));
  }
  if (/^(strip|chomp|freeze|dup|squish)$/.test(method)) return r;
  return { k: 'unknown', hint: node.text.slice(0, 60) };
}

/** A name no enclosing group defines, given by `let` in the groups nested in the use's group (RSpec's override
 *  pattern: `let(:response)` uses `model`, each nested `context` sets it): known when every one gives one value. */
function nestedLet(node: Node, ev: Evaluator): SharedValue {
  const group = exampleGroupOf(node);
  const lets = group ? ev.bindingsOf(node.text).filter((b) => b.scope && group.startIndex <= b.scope[0] && b.scope[1] <= group.endIndex) : [];
  const values = lets.map((b) => ev.value(b.value));
  const first = values[0];
  if (first?.k === 'lit' && values.every((v) => v.k === 'lit' && v.value === first.value)) return asConstant(first);
  return { k: 'unknown', hint: node.text };
}

export function rubyEvaluate(node: Node, ev: Evaluator): SharedValue {
  switch (node.type) {
    case 'string': return concat(pieces(node, ev, node.text.startsWith("'")));
    case 'heredoc_beginning': {
      const body = heredocBody(node);
      if (!body) return UNKNOWN_VALUE;
      // the body starts after the end of the heredoc's first line
      const v = stripFirstNewline(concat(pieces(body, ev, /^<<[~-]?'/.test(node.text))));
      return node.text.startsWith('<<~') ? squiggly(v) : v;
    }
    case 'integer':
    case 'float':
      return { k: 'lit', value: Number(node.text.replace(/_/g, '')), src: 'literal' };
    case 'true': return { k: 'lit', value: true, src: 'literal' };
    case 'false': return { k: 'lit', value: false, src: 'literal' };
    case 'nil': return { k: 'lit', value: null, src: 'literal' };
    case 'simple_symbol': return str(node.text.slice(1));
    case 'delimited_symbol': return concat(pieces(node, ev, false));
    case 'parenthesized_statements': return ev.value(namedChildren(node).at(-1));
    case 'hash': return hashValue(node, ev);
    case 'array': return list(namedChildren(node).map((c) => ev.value(c)));
    case 'binary': {
      const op = node.childForFieldName('operator')?.text;
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if (op === '+') return concat([{ value: ev.value(l), source: l?.text ?? '' }, { value: ev.value(r), source: r?.text ?? '' }]);
      if (op === '%' && l) {
        const right = r?.type === 'array' ? namedChildren(r) : r ? [r] : [];
        return formatString(ev.value(l), right.map((a) => ({ value: ev.value(a), source: a.text })), 'printf');
      }
      if (op === '||') {
        const left = ev.value(l);
        const right = ev.value(r);
        if (left.k === 'env') return { ...left, def: right };
        return left.k === 'unknown' && right.k === 'lit' ? { ...right, src: 'env-default' } : left;
      }
      return { k: 'unknown', hint: node.text };
    }
    case 'element_reference': {
      const obj = node.childForFieldName('object');
      const key = namedChildren(node).find((c) => c.id !== obj?.id);
      const k = key ? ev.value(key) : UNKNOWN_VALUE;
      return obj?.text === 'ENV' && k.k === 'lit' ? { k: 'env', name: String(k.value), def: null } : { k: 'unknown', hint: node.text };
    }
    case 'scope_resolution': {
      // OpenAI::ChatModel::GPT_4O, Anthropic::Model::CLAUDE_SONNET_4_5
      const id = generatedModelConstant(node.childForFieldName('name')?.text ?? '');
      return id && /::(ChatModel|Model|EmbeddingModel)$/.test(node.childForFieldName('scope')?.text ?? '') ? str(id, 'constant') : { k: 'unknown', hint: node.text };
    }
    case 'identifier':
    case 'instance_variable':
    case 'constant':
    case 'class_variable': {
      const b = ev.binding(node.text, node);
      if (b?.value) return asConstant(ev.value(b.value));
      if (!b && node.type === 'identifier') return nestedLet(node, ev);
      return node.type === 'constant' ? constructed(node.text, []) : { k: 'unknown', hint: node.text };
    }
    case 'lambda': return { k: 'lit', value: true, src: 'literal' };
    case 'operator_assignment': return ev.value(node.childForFieldName('right'));
    case 'call': {
      // a reader method called without arguments, on no receiver or on self (`client.chat(...)` where `def client`)
      const receiver = node.childForFieldName('receiver');
      if ((!receiver || receiver.type === 'self') && !node.childForFieldName('arguments')) {
        const b = ev.binding(node.childForFieldName('method')?.text ?? '', node);
        if (b?.value) return ev.value(b.value);
      }
      return callValue(node, ev);
    }
    default: return { k: 'unknown', hint: node.type };
  }
}

