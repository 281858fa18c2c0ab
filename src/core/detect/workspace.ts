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
 * Why a LangChain constructor that nothing in the workspace invokes (`constructorOnly`, kept by
 * dropInvokedConstructors) is not a call site when its only model evidence is an Azure deployment name
 * (`AzureChatOpenAI(azure_deployment="my-deployment")`); null for every other call. The caller applies it only when
 * the name is not priced (the price catalog and the `llm-cost: model=` annotation decide, which detection cannot
 * see): a deployment named after its model (`azure_deployment="gpt-4o"`) stays a call site. Two guesses together —
 * a request nobody is seen sending, to a model nobody names — give no figure, so the site is listed under `skipped`
 * with this reason, which says how to price it, instead of as an unpriced call site. An invocation of the same
 * model (in its file or another) is a call site of its own and is not affected.
 */
export function unpricedDeploymentReason(c: DetectedCall): string | null {
  if (!c.constructorOnly || !c.deploymentKey || !c.model) return null;
  const python = c.language === 'python';
  const ctor = python ? `${c.api}(${c.deploymentKey}="${c.model}")` : `new ${c.api}({ ${c.deploymentKey}: "${c.model}" })`;
  const comment = python ? '#' : '//';
  return `line ${c.line}: ${ctor} is never invoked in the workspace and "${c.model}" is an Azure deployment name, not a priced model: to cost it, write "${comment} llm-cost: model=<model id>" on the line above or price "${c.model}" in llmCostLens.prices`;
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
