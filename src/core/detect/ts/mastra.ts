// Mastra's agent registry: agents are registered once (`new Mastra({ agents: { penguin } })`) and looked up where
// they run (`mastra.getAgent('penguin').generate(…)`, `mastra?.agents?.penguin` inside a workflow step whose
// `mastra` is a parameter). The looked-up agent is the registered Agent, so its model and instructions apply.
import type { Node } from 'web-tree-sitter';
import type { FileCtx } from './context';
import { propNode } from './objects';
import { resolveName } from './scope';
import { memberObject, memberProperty, stringValue, unwrap } from './syntax';
import { evaluate, pkgPath, type Val } from './values';

const LOOKUPS = ['getAgent', 'getAgentById'];

/** `<registry>.getAgent('x')` / `<registry>.agents.x` (optional chaining allowed): the registry node and the name. */
function lookupOf(n: Node): { registry: Node; name: string } | null {
  if (n.type === 'call_expression') {
    const fn = n.childForFieldName('function');
    const arg = n.childForFieldName('arguments')?.namedChildren[0];
    if (!fn || fn.type !== 'member_expression' || !LOOKUPS.includes(memberProperty(fn) ?? '') || arg?.type !== 'string') return null;
    const registry = memberObject(fn);
    return registry ? { registry, name: stringValue(arg) } : null;
  }
  if (n.type !== 'member_expression' && n.type !== 'subscript_expression') return null;
  const name = memberProperty(n);
  const agents = memberObject(n);
  if (!name || !agents || agents.type !== 'member_expression' || memberProperty(agents) !== 'agents') return null;
  const registry = memberObject(agents);
  return registry ? { registry, name } : null;
}

function isMastra(v: Val): v is Extract<Val, { t: 'pkg' }> {
  return v.t === 'pkg' && v.pkg.startsWith('@mastra/core') && pkgPath(v).split('.').at(-1) === 'Mastra' && v.steps.at(-1)?.k === 'new';
}

/**
 * The Mastra instance: the registry expression's value, else — for a value only known at run time that is named
 * like it (`mastra` handed to a workflow step or tool) — the one `new Mastra(…)` of this file.
 */
function registryOf(node: Node, fc: FileCtx): Extract<Val, { t: 'pkg' }> | null {
  const v = evaluate(node, fc);
  if (isMastra(v)) return v;
  if (v.t !== 'unknown' || !/mastra/i.test(node.text)) return null;
  const made = fc.root.descendantsOfType('new_expression').map((n) => evaluate(n, fc)).filter(isMastra);
  return made.length === 1 ? made[0]! : null;
}

/** The registered agent a lookup expression (or a variable holding one) refers to, or null. */
export function registeredAgent(objectNode: Node, fc: FileCtx): Val | null {
  let n = unwrap(objectNode);
  if (n.type === 'identifier') {
    const decl = resolveName(fc, n.text, n);
    if (decl?.kind !== 'var' || !decl.init || decl.path.length) return null;
    n = unwrap(decl.init);
  }
  if (n.type === 'await_expression' && n.namedChild(0)) n = unwrap(n.namedChild(0)!);
  const lookup = lookupOf(n);
  const mastra = lookup ? registryOf(lookup.registry, fc) : null;
  const ctor = mastra?.steps.at(-1);
  const opts = ctor && ctor.k !== 'get' && ctor.args[0] ? evaluate(ctor.args[0], ctor.fc) : null;
  const agents = opts?.t === 'obj' ? propNode(opts.ref, 'agents') : null;
  const agentsVal = agents ? evaluate(agents.node, agents.fc) : null;
  const agent = agentsVal?.t === 'obj' && lookup ? propNode(agentsVal.ref, lookup.name) : null;
  return agent ? evaluate(agent.node, agent.fc) : null;
}
