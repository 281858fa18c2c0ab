// Values reached through `this` inside a class (fields, constructor parameter properties, `this.x = …`, the
// class's own methods) and instances of a typed parameter (`client: OpenAI`).
import type { Node } from 'web-tree-sitter';
import type { FileCtx } from './context';
import { resolveName } from './scope';
import { isClassLike, isFunctionLike, keyName, memberObject, memberProperty } from './syntax';
import { addStep, evalDecl, evaluate, type Val } from './values';
import { parentOf } from '../ancestors';

const UNKNOWN: Val = { t: 'unknown' };

/** `client: OpenAI` → an instance of the package class the type names. */
export function instanceOfType(typeAnnotation: Node, fc: FileCtx, depth: number): Val {
  const t = typeAnnotation.type === 'type_annotation' ? typeAnnotation.namedChild(0) : typeAnnotation;
  if (!t) return UNKNOWN;
  let base: Val = UNKNOWN;
  if (t.type === 'type_identifier') {
    const d = resolveName(fc, t.text, t);
    if (d && d.kind === 'import') base = evalDecl(d, fc, depth + 1);
  } else if (t.type === 'nested_type_identifier') {
    const [mod, name] = [t.namedChild(0), t.namedChild(t.namedChildCount - 1)];
    if (mod && name && mod.type === 'identifier') {
      const d = resolveName(fc, mod.text, t);
      const m = d && d.kind === 'import' ? evalDecl(d, fc, depth + 1) : UNKNOWN;
      if (m.t === 'pkg') base = { ...m, steps: [...m.steps, { k: 'get', name: name.text }] };
    }
  }
  return base.t === 'pkg' ? addStep(base, { k: 'new', args: [], fc, node: t }) : UNKNOWN;
}

/** `this.client` inside a class: field initialiser, `this.client = …` in the class, or a typed parameter property. */
export function evalThisMember(at: Node, key: string, fc: FileCtx, depth: number): Val {
  let cls: Node | null = parentOf(at);
  while (cls && !isClassLike(cls)) cls = parentOf(cls);
  const body = cls?.childForFieldName('body');
  if (!cls || !body) return UNKNOWN;
  let typed: Node | null = null;
  for (const m of body.namedChildren) {
    if (m.type === 'public_field_definition' || m.type === 'field_definition') {
      const name = m.childForFieldName('name') ?? m.childForFieldName('property');
      if (keyName(name) !== key) continue;
      const value = m.childForFieldName('value');
      if (value) return evaluate(value, fc, depth + 1);
      typed = m.childForFieldName('type');
    } else if (m.type === 'method_definition' && keyName(m.childForFieldName('name')) === 'constructor') {
      for (const p of m.childForFieldName('parameters')?.namedChildren ?? []) {
        if (p.type !== 'required_parameter' && p.type !== 'optional_parameter') continue;
        if (p.childForFieldName('pattern')?.text !== key || !p.namedChildren.some((c) => c.type === 'accessibility_modifier' || c.text === 'readonly')) continue;
        const type = p.childForFieldName('type');
        if (type) return instanceOfType(type, fc, depth);
      }
    }
  }
  for (const a of body.descendantsOfType('assignment_expression')) {
    const left = a.childForFieldName('left');
    if (left?.type === 'member_expression' && memberObject(left)?.type === 'this' && memberProperty(left) === key) {
      const v = evaluate(a.childForFieldName('right'), fc, depth + 1);
      if (v.t !== 'unknown') return v;
    }
  }
  return typed ? instanceOfType(typed, fc, depth) : UNKNOWN;
}

/** `this.getSdk()`: the value the class's own method returns (its first return whose value is known). */
export function evalThisMethodCall(at: Node, key: string, fc: FileCtx, depth: number): Val {
  let cls: Node | null = parentOf(at);
  while (cls && !isClassLike(cls)) cls = parentOf(cls);
  const body = cls?.childForFieldName('body');
  const method = body?.namedChildren.find((m) => m?.type === 'method_definition' && keyName(m.childForFieldName('name')) === key);
  const block = method?.childForFieldName('body');
  if (!block) return UNKNOWN;
  for (const r of block.descendantsOfType('return_statement')) {
    if (!r) continue;
    let owner: Node | null = parentOf(r);
    while (owner && owner.id !== method!.id && !isFunctionLike(owner)) owner = parentOf(owner);
    if (owner?.id !== method!.id) continue; // a return of a nested callback
    const v = evaluate(r.namedChild(0), fc, depth + 1);
    if (v.t !== 'unknown' && v.t !== 'null') return v;
  }
  return UNKNOWN;
}
