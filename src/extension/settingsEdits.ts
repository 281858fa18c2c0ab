// Pure parts of the settings writer (no `vscode`, unit-tested): one queue for every write, so two quick panel
// edits of the same object-valued setting cannot read the same old value and lose one; and the edits of
// `llmCostLens.callSites` / `openModelFor` entries, which refuse keys that name Object.prototype members
// (`obj['__proto__'] = x` sets a prototype and writes nothing, yet reported success).

export type Entries = Record<string, unknown>;

/** Runs jobs one after another, in call order; a failed job does not stop the ones after it. */
export function createWriteQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** An error naming the setting entry when `key` cannot be a key of a settings object, else null. */
export function reservedKeyError(what: string, key: string): string | null {
  return RESERVED.has(key) ? `${what}: "${key}" cannot be used as a key (not saved)` : null;
}

const copy = (all: Entries): Entries => Object.fromEntries(Object.entries(all));
const entryOf = (all: Entries, key: string): Entries => {
  const e = Object.hasOwn(all, key) ? all[key] : undefined;
  return e && typeof e === 'object' && !Array.isArray(e) ? copy(e as Entries) : {};
};

/** callSites with fields of `key` set (null removes a field); an entry left empty is removed. */
export function withCallSiteFields(all: Entries, key: string, patch: Partial<Record<'requestsPerDay' | 'model' | 'batch', number | string | boolean | null>>): Entries {
  const next = copy(all);
  const entry = entryOf(all, key);
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete entry[field];
    else entry[field] = value;
  }
  if (Object.keys(entry).length) next[key] = entry;
  else delete next[key];
  return next;
}

/** openModelFor with `apiModel` mapped to `openModel` (null removes it); a key differing only in case is replaced. */
export function withOpenModelFor(all: Entries, apiModel: string, openModel: string | null): Entries {
  const next = copy(all);
  for (const k of Object.keys(next)) if (k.toLowerCase() === apiModel.toLowerCase()) delete next[k];
  if (openModel !== null) next[apiModel] = openModel;
  return next;
}
