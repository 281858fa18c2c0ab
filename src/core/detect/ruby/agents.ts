// RubyLLM agents: `class Reviewer < RubyLLM::Agent` declares a chat's settings with class macros (`model "x"`,
// `instructions "…"`, `temperature`, `max_output_tokens`); `Reviewer.new` / `.chat` / `.create` / `.find(id)` is that
// chat, so `Reviewer.new.ask(code)` is a request. A subclass of another agent class of the file inherits its macros.
import type { Node } from 'web-tree-sitter';
import type { SharedValue } from '../request/value';
import type { Evaluator } from '../frontend/evaluator';
import { constructed, object } from '../frontend/values';
import { namedChildren } from './syntax';

const AGENT_BASE = /^(::)?RubyLLM::Agent$/;
/** class methods that return a configured chat (plain Ruby) or chat record (Rails `chat_model`) */
export const AGENT_FACTORIES = new Set(['new', 'chat', 'create', 'create!', 'find']);
/** class macros → the chat setting each one makes (the keys RubyLLM.chat values use, see ruby/values.ts) */
const MACROS: Record<string, string> = { model: 'model', instructions: 'system', temperature: 'temperature', max_output_tokens: 'max_output_tokens' };

const classes = new WeakMap<Node, Map<string, Node>>();

function classesOf(root: Node): Map<string, Node> {
  let map = classes.get(root);
  if (!map) {
    map = new Map();
    for (const c of root.descendantsOfType('class')) {
      const name = c?.childForFieldName('name')?.text;
      if (c && name && !map.has(name)) map.set(name, c);
    }
    classes.set(root, map);
  }
  return map;
}

/** The file's class `name` and its agent ancestors, nearest first; empty unless the chain reaches RubyLLM::Agent. */
function agentChain(root: Node, name: string): Node[] {
  const byName = classesOf(root);
  const chain: Node[] = [];
  for (let cur = byName.get(name); cur && chain.length < 8; ) {
    chain.push(cur);
    const parent = namedChildren(cur.childForFieldName('superclass'))[0]?.text ?? '';
    if (AGENT_BASE.test(parent)) return chain;
    cur = byName.get(parent);
  }
  return [];
}

/** `Reviewer.new` (a factory of an agent class of this file) → the RubyLLM chat it builds, else null. */
export function agentChat(recv: Node, method: string, ev: Evaluator): SharedValue | null {
  if (recv.type !== 'constant' || !AGENT_FACTORIES.has(method)) return null;
  const chain = agentChain(recv.tree.rootNode, recv.text);
  if (!chain.length) return null;
  const settings = new Map<string, SharedValue>();
  // the nearest class's macro wins: walk from the base class down, later ones overwrite
  for (const cls of [...chain].reverse()) {
    for (const stmt of namedChildren(cls.childForFieldName('body'))) {
      const key = stmt.type === 'call' && !stmt.childForFieldName('receiver') ? MACROS[stmt.childForFieldName('method')?.text ?? ''] : undefined;
      const arg = key ? namedChildren(stmt.childForFieldName('arguments')).find((a) => a.type !== 'pair') : undefined;
      if (key && arg) settings.set(key, ev.value(arg));
    }
  }
  return constructed('RubyLLM.chat', [], object([...settings]));
}
