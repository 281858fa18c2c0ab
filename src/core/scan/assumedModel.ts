// The model an unresolved call is priced at. Real apps often pick the model at run time
// (`model=os.environ["MODEL"]`, `model: settings.model`); leaving those calls unpriced dropped them from every
// total. They are costed at an assumed model instead and labelled as such: `model` stays null (what the code says).
import { lookupApiPrice } from '../catalog/prices';
import type { PriceCatalog } from '../catalog/prices-resolve';

/** The last resort when neither the setting nor the workspace names a model: a cheap, widely used default. */
export const FALLBACK_MODEL = 'gpt-4o-mini';

export interface AssumedModel {
  model: string;
  /** Why this model: shown in the hover and the notes. */
  from: 'llmCostLens.defaultModel' | 'most used in the workspace' | 'built-in fallback';
}

/**
 * The workspace's most used priced model among resolved call sites (ties: alphabetical, so the choice does not
 * depend on file order); null when no resolved call site has a priced model. Unpriced models are skipped: assuming
 * one would leave the unresolved calls unpriced too.
 */
export function mostUsedModel(catalog: PriceCatalog, models: Iterable<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const m of models) if (m !== null) counts.set(m, (counts.get(m) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const [m, n] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    if (best !== null && n <= best[1]) continue;
    if (lookupApiPrice(catalog, m).ok) best = [m, n];
  }
  return best?.[0] ?? null;
}

export function assumedModel(defaultModel: string, workspaceModel: string | null | undefined): AssumedModel {
  if (defaultModel !== '') return { model: defaultModel, from: 'llmCostLens.defaultModel' };
  if (workspaceModel) return { model: workspaceModel, from: 'most used in the workspace' };
  return { model: FALLBACK_MODEL, from: 'built-in fallback' };
}
