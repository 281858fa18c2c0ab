// A TS/JS request whose receiver is not resolved but whose shape is unmistakable (receivers.ts INFERRED_RECEIVERS):
// `client.chat.completions.create({ model, messages })` where `client` came from a factory in another package,
// an untyped parameter or a wrapper (`wrapOpenAI(new OpenAI())`). The receiver must be unknown or a value of a
// package that is not an SDK; a file that mocks modules or a receiver named like a test double is never inferred.
import type { Node } from 'web-tree-sitter';
import { SDKS, findMethod, sdkForModule } from '../sdks';
import { INFERRED_RECEIVERS, inferredReason } from '../receivers';
import type { FileCtx } from './context';
import type { Request } from './sdk-match';
import { propNode } from './objects';
import { memberObject, memberProperty, unwrap } from './syntax';
import { evaluate } from './values';

const LAST_NAMES = new Set(INFERRED_RECEIVERS.flatMap((r) => r.js.map((p) => p.slice(p.lastIndexOf('.') + 1))));
const TEST_DOUBLE = /mock|fake|stub|spy|dummy/i;

/** The receiver expression when `callee` is `<receiver>.<path>`, else null. */
function receiverOf(callee: Node, path: string[]): Node | null {
  let n: Node | null = unwrap(callee);
  for (let i = path.length - 1; i >= 0; i--) {
    if (!n || n.type !== 'member_expression' || memberProperty(n) !== path[i]) return null;
    const obj = memberObject(n);
    n = obj ? unwrap(obj) : null;
  }
  return n;
}

function unresolved(receiver: Node, fc: FileCtx): boolean {
  if (TEST_DOUBLE.test(receiver.text) || fc.mocked.size) return false;
  const v = evaluate(receiver, fc);
  return v.t === 'unknown' || (v.t === 'pkg' && !sdkForModule('js', v.pkg));
}

export function inferRequest(callee: Node, args: Node[], fc: FileCtx): { req: Request; why: string } | null {
  const c = unwrap(callee);
  const last = c.type === 'member_expression' ? memberProperty(c) : null;
  if (!last || !LAST_NAMES.has(last)) return null;
  const first = args[0] ? evaluate(args[0], fc) : null;
  if (first?.t !== 'obj') return null;
  for (const row of INFERRED_RECEIVERS) {
    for (const path of row.js) {
      if (!path.endsWith('.' + last)) continue;
      const receiver = receiverOf(c, path.split('.'));
      if (!receiver || !unresolved(receiver, fc)) continue;
      if (!row.requires.every((k) => propNode(first.ref, k))) continue;
      const sdk = SDKS.find((s) => s.sdk === row.sdk)!;
      const method = findMethod('js', sdk, path);
      if (!method) continue;
      const req: Request = { sdk: sdk.sdk, api: method.api, kind: method.kind, method, opts: [first.ref], own: first.ref, ctorOpts: null, args: { nodes: args, fc }, selfHostedClient: false };
      return { req, why: inferredReason(path, row.requires) };
    }
  }
  return null;
}
