// Decisions that need every file's detection result at once (a pure function over per-file results, run by `scan`).
import type { DetectedCall, SourcePos } from './types';

const key = (p: SourcePos): string => `${p.file}:${p.line}:${p.column}`;

/**
 * A LangChain model constructor is a call site only when no invocation of it can be found in the workspace: a file
 * that only builds the model (`models.py: llm = ChatOpenAI(...)`) reports the constructor, and this drops that report
 * when another file invokes the model (`app.py: from models import llm; llm.invoke(...)`), whose call site already
 * carries the model resolved through the import.
 */
export function dropInvokedConstructors<T extends DetectedCall>(calls: T[]): T[] {
  const invoked = new Set(calls.flatMap((c) => c.modelFrom ?? []).map(key));
  if (!invoked.size) return calls;
  return calls.filter((c) => !c.constructorOnly || !invoked.has(key(c)));
}
