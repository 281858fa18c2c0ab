// Object and array literals as the evaluator sees them: entries in source order with spreads of static objects
// inlined and later `obj.key = …` assignments applied; array elements.
import type { Node } from 'web-tree-sitter';
import { keyName, memberObject, memberProperty } from './syntax';
import { evaluate, type Ref } from './values';
import { assignmentExpressions } from './context';

/** Property `key` of an object literal, following spreads (`{ ...defaults, model }`); later entries win. */
export function propNode(ref: Ref, key: string, depth = 0): Ref | null {
  let found: Ref | null = null;
  for (const e of entries(ref, depth)) if (e.key === key) found = e.value;
  return found;
}

/**
 * Keys the file assigns after the literal, through a variable bound to it (`var options = { method: 'POST' }; …
 * options['body'] = JSON.stringify(payload)`; `payload.messages = messages`), last assignment per key. Only
 * identifiers whose value is this very literal count.
 */
function assignedEntries(ref: Ref): Map<string, Node> | undefined {
  const fc = ref.fc;
  if (!fc.memberAssignments) {
    // set before filling: a lookup made while evaluating the targets below sees a partial index, not a rebuild
    const byObject = new Map<number, Map<string, Node>>();
    fc.memberAssignments = byObject;
    for (const a of assignmentExpressions(fc)) {
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (!left || !right || (left.type !== 'member_expression' && left.type !== 'subscript_expression')) continue;
      const obj = memberObject(left);
      const k = memberProperty(left);
      if (obj?.type !== 'identifier' || k === null) continue;
      const target = evaluate(obj, fc);
      if (target.t !== 'obj' || target.ref.fc !== fc) continue;
      const keys = byObject.get(target.ref.node.id) ?? new Map<string, Node>();
      keys.set(k, right);
      byObject.set(target.ref.node.id, keys);
    }
  }
  return fc.memberAssignments.get(ref.node.id);
}

/** Key/value entries of an object literal in source order, spreads of static objects inlined. */
export function entries(ref: Ref, depth = 0): { key: string; value: Ref }[] {
  const out: { key: string; value: Ref }[] = [];
  if (depth > 8) return out;
  for (const c of ref.node.namedChildren) {
    if (c.type === 'pair') {
      const key = keyName(c.childForFieldName('key'));
      const value = c.childForFieldName('value');
      if (key !== null && value) out.push({ key, value: { node: value, fc: ref.fc } });
    } else if (c.type === 'shorthand_property_identifier') {
      out.push({ key: c.text, value: { node: c, fc: ref.fc } });
    } else if (c.type === 'spread_element') {
      const inner = evaluate(c.namedChild(0), ref.fc, depth + 1);
      if (inner.t === 'obj') out.push(...entries(inner.ref, depth + 1));
    }
  }
  // later `obj.key = …` assignments replace the literal's entry (as at run time in the usual "fill in the request,
  // then send it" code) or add a key
  const assigned = assignedEntries(ref);
  if (assigned) {
    for (const [key, node] of assigned) {
      const value = { node, fc: ref.fc };
      let at = out.length - 1;
      while (at >= 0 && out[at]!.key !== key) at--;
      if (at >= 0) out[at] = { key, value };
      else out.push({ key, value });
    }
  }
  return out;
}

export function elements(ref: Ref): Ref[] {
  return ref.node.namedChildren.filter((c) => c.type !== 'comment').map((node) => ({ node, fc: ref.fc }));
}
