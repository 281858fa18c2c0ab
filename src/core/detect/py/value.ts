// Abstract values the Python analyser computes for expressions: just enough to know what a name refers to
// (an SDK client, a LangChain model/chain, a string constant, a dict of request parameters, ...).
import type { Node } from 'web-tree-sitter';
import type { ClientRow, SdkRow } from '../sdks';
import type { PromptSource } from '../types';

export interface Where { file: string; line: number }

export type Value =
  | { t: 'str'; text: string; placeholders: string[]; src: PromptSource; from?: Where; literalAtUse?: boolean; envBase?: string }
  | { t: 'num'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'none' }
  | { t: 'env'; name: string; def: Value | null }
  /** `instance`: made by calling a workspace class; attributes the call does not set come from the class */
  | { t: 'dict'; entries: Map<string, Value>; ctor?: string; partial?: boolean; instance?: { cls: Node; owner: unknown; positional: Value[]; kwargs: Map<string, Value> } }
  | { t: 'list'; items: Value[]; partial?: boolean }
  | { t: 'module'; name: string }
  /** `instructor`: the client was patched by instructor (its create/create_partial/... methods are requests too) */
  | { t: 'client'; sdk: SdkRow; row: ClientRow | null; path: string[]; kwargs: Map<string, Value>; positional: Value[]; instructor?: boolean }
  /** a LangChain model, chain or agent; ctorNode is the model's constructor call, or the type annotation of an injected
   *  model (`llm: BaseChatModel`); `via` lists the constructors the file's callers pass for such a parameter */
  | { t: 'lc'; what: 'model' | 'chain' | 'agent'; ctorNode: Node; ctorFile: string; ctorName: string; kwargs: Map<string, Value>; positional: Value[]; template: Value | null; selfHosted: boolean; via?: { file: string; node: Node }[] }
  | { t: 'template'; parts: { role: string; value: Value }[] }
  | { t: 'http'; path: string[] }
  | { t: 'path'; rel: string }
  | { t: 'filehandle'; path: Value }
  | { t: 'function'; node: Node; owner: unknown }
  | { t: 'class'; node: Node; owner: unknown }
  | { t: 'unknown' };

export const UNKNOWN: Value = { t: 'unknown' };
