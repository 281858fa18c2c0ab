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

/**
 * A `.prompt` / `.prompty` file is a call site of its own only when no detected code call already sends it: code
 * that reads it (`open("prompts/x.prompt").read()`, `readFileSync('x.prompty')`) has a prompt part whose `from.file`
 * is that file, and its call site costs the request (with the code's model and volume). Listing the file as well
 * would count the same traffic twice. A file loaded through a prompt runtime (`prompty.execute("x.prompty")`) is
 * not read by any detected call, so it stays listed: the file is then where the model and parameters are.
 */
export function dropPromptFilesUsedByCode<T extends DetectedCall>(calls: T[]): T[] {
  const used = new Set<string>();
  for (const c of calls) {
    if (c.language === 'prompt') continue;
    for (const p of c.promptParts) if (p.source === 'file' && p.from) used.add(p.from.file);
  }
  if (!used.size) return calls;
  return calls.filter((c) => c.language !== 'prompt' || !used.has(c.file));
}
