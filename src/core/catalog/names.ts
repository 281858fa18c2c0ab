// Name normalising shared by the GPU and open-model catalogs: people write `H100 SXM`, `h100-sxm5`,
// `meta-llama/Llama-3.3-70B-Instruct` or `llama3.3:70b`; all of them must land on one catalog id.

/** Lower-case, drop an `org/` prefix, keep only letters and digits. */
export function normalizeName(raw: string): string {
  const lower = raw.trim().toLowerCase();
  const base = lower.includes('/') ? lower.slice(lower.lastIndexOf('/') + 1) : lower;
  return base.replace(/[^a-z0-9]+/g, '');
}

/** Builds a lookup from every id and alias (normalised) to the catalog id; throws on a clash so typos in the tables surface in tests. */
export function buildAliasIndex(entries: ReadonlyArray<{ id: string; aliases: readonly string[] }>): Map<string, string> {
  const index = new Map<string, string>();
  for (const e of entries) {
    for (const name of [e.id, ...e.aliases]) {
      const key = normalizeName(name);
      const prior = index.get(key);
      if (prior !== undefined && prior !== e.id) {
        throw new Error(`alias "${name}" maps to both ${prior} and ${e.id}`);
      }
      index.set(key, e.id);
    }
  }
  return index;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Up to `limit` ids closest to `raw` (by normalised edit distance, substring matches first). */
export function closestIds(raw: string, index: Map<string, string>, limit = 3): string[] {
  const key = normalizeName(raw);
  const scored = new Map<string, number>();
  for (const [alias, id] of index) {
    const score = alias.includes(key) || key.includes(alias) ? 0 : editDistance(key, alias);
    const best = scored.get(id);
    if (best === undefined || score < best) scored.set(id, score);
  }
  return [...scored.entries()]
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

/** Error for an unknown catalog name: names the settings/scenario field and lists what is valid. */
export class CatalogLookupError extends Error {
  constructor(
    readonly field: string,
    readonly input: string,
    readonly valid: readonly string[],
    readonly suggestions: readonly string[],
    kind: string,
  ) {
    super(
      `unknown ${kind} "${input}"` +
        (suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '') +
        ` Valid: ${valid.join(', ')}`,
    );
    this.name = 'CatalogLookupError';
  }
}
