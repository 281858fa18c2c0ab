// Building blocks of the shared value type (request/value.ts) for the Go, Java, C# and Ruby front ends: literals,
// concatenations and format strings with holes, objects with their constructor, constructed clients.
import type { Node } from 'web-tree-sitter';
import { objectOf, UNKNOWN_VALUE, type SharedValue, type ValueSource } from '../request/value';
import type { Evaluator } from './evaluator';

export const str = (value: string, src: ValueSource = 'literal'): SharedValue => ({ k: 'lit', value, src });

/** An object made by a constructor or factory the front end knows (an SDK client, a chat model). */
export interface Constructed { positional: SharedValue[]; named: SharedValue | null }

export function constructed(callee: string, positional: SharedValue[], named: SharedValue | null = null): SharedValue {
  const native: Constructed = { positional, named };
  return { k: 'call', callee, native };
}

export function constructedArgs(v: SharedValue): Constructed | null {
  return v.k === 'call' && v.native && typeof v.native === 'object' && 'positional' in v.native ? v.native as Constructed : null;
}

/** `Model` (Go, C#) → `model`, `MaxTokens` → `maxTokens`, then the front end's aliases (`DeploymentName` → `model`). */
export function requestKey(name: string, aliases: Record<string, string> = {}): string {
  const camel = /^[A-Z][a-z]/.test(name) || /^[A-Z]$/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
  return aliases[camel] ?? camel;
}

export function object(entries: [string, SharedValue][], ctor?: string, partial = false): SharedValue {
  const map = new Map<string, SharedValue>();
  for (const [k, v] of entries) map.set(k, v);
  return objectOf(map, partial, ctor);
}

export const list = (items: SharedValue[], partial = false): SharedValue => ({ k: 'list', items: () => items, partial });

export const message = (role: string, content: SharedValue): SharedValue => object([['role', str(role)], ['content', content]]);

/** A hole's name: the expression's text, shortened to something a placeholder can show. */
export function holeName(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat || 'value';
}

type Piece = { value: SharedValue; source: string };

/** Concatenation (`+`, interpolation): one literal when every piece is known, else a text with `{hole}` names. */
export function concat(pieces: Piece[]): SharedValue {
  let text = '';
  const holes: string[] = [];
  let src: ValueSource = 'literal';
  let known = true;
  for (const { value, source } of pieces) {
    if (value.k === 'lit' && value.value !== null) {
      text += String(value.value);
      if (value.src !== 'literal') src = value.src === 'env-default' ? 'constant' : value.src;
    } else if (value.k === 'text') {
      text += value.text;
      for (const h of value.holes) if (!holes.includes(h)) holes.push(h);
      known = false;
    } else {
      const name = holeName(source);
      text += `{${name}}`;
      if (!holes.includes(name)) holes.push(name);
      known = false;
    }
  }
  return known ? { k: 'lit', value: text, src } : { k: 'text', text, holes, src };
}

/**
 * A format string (`fmt.Sprintf`, `String.format`, `string.Format`, Ruby `%`): each directive takes the next
 * argument (`%s`, `%d`, `%v`, `%q`, ...) or the numbered one (`{0}`); `%%` is a percent sign.
 */
export function formatString(format: SharedValue, args: Piece[], style: 'printf' | 'dotnet'): SharedValue {
  if (format.k !== 'lit' || typeof format.value !== 'string') return format.k === 'text' ? format : UNKNOWN_VALUE;
  const pieces: Piece[] = [];
  const re = style === 'printf' ? /%(%|[-+# 0-9.*]*[a-zA-Z])/g : /\{(\d+)(?:[,:][^}]*)?\}|\{\{|\}\}/g;
  let last = 0;
  let next = 0;
  const fmt = format.value;
  for (let m = re.exec(fmt); m; m = re.exec(fmt)) {
    pieces.push({ value: str(fmt.slice(last, m.index), format.src), source: '' });
    last = m.index + m[0].length;
    if (m[0] === '%%' || m[0] === '{{' || m[0] === '}}' || m[0] === '%n') {
      pieces.push({ value: str(m[0] === '%n' ? '\n' : m[0][0]!, format.src), source: '' });
      continue;
    }
    const arg = style === 'printf' ? args[next++] : args[Number(m[1])];
    pieces.push(arg ?? { value: UNKNOWN_VALUE, source: 'arg' });
  }
  pieces.push({ value: str(fmt.slice(last), format.src), source: '' });
  return concat(pieces);
}

/** A literal reached through a name is a constant of this file. */
export function asConstant(v: SharedValue): SharedValue {
  return (v.k === 'lit' || v.k === 'text') && v.src === 'literal' ? { ...v, src: 'constant' } : v;
}

/**
 * The value a name has at `at`: its binding's value (a constant when literal), an object of its declared type
 * (`typed` turns the type into a value), or unknown.
 */
export function nameValue(ev: Evaluator, name: string, at: Node, typed: (type: string) => SharedValue = (t) => constructed(t, [])): SharedValue {
  const b = ev.binding(name, at);
  if (b?.value) return asConstant(ev.value(b.value));
  if (b?.type) return typed(b.type);
  return { k: 'unknown', hint: at.text.slice(0, 60) };
}

/** `left + right` of a binary node: a concatenation when the operator is `+`, else unknown. */
export function plusValue(node: Node, ev: Evaluator): SharedValue {
  if (node.childForFieldName('operator')?.text !== '+') return { k: 'unknown', hint: node.text.slice(0, 60) };
  const l = node.childForFieldName('left');
  const r = node.childForFieldName('right');
  return concat([{ value: ev.value(l), source: l?.text ?? '' }, { value: ev.value(r), source: r?.text ?? '' }]);
}
