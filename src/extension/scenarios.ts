// Gathers the workspace's scenario files and runs the core engine on each: the panel's first content.
import * as vscode from 'vscode';
import { estimateFromInput } from '../core/economics/estimate';
import { costCurveFromInput } from '../core/economics/curve';
import { parseStrictJson } from '../core/io/json';
import type { ScenarioRow } from '../core/protocol/messages';
import type { PriceCatalog } from '../core/catalog/prices-resolve';

export async function loadScenarioRows(catalog: PriceCatalog): Promise<ScenarioRow[]> {
  const uris = await vscode.workspace.findFiles('**/scenarios/*.json', '**/node_modules/**', 200);
  const rows: ScenarioRow[] = [];
  for (const uri of uris.sort((a, b) => a.path.localeCompare(b.path))) {
    const file = vscode.workspace.asRelativePath(uri, false);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    rows.push(scenarioRow(catalog, file, text));
  }
  return rows;
}

export function scenarioRow(catalog: PriceCatalog, file: string, text: string): ScenarioRow {
  const empty = { file, apiMonthlyUsd: null, selfHostedMonthlyUsd: null, breakEvenWithOps: null, breakEvenComputeOnly: null, verdict: null, priceSource: null, priceAsOf: null, daysPerMonth: null, curve: null };
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return { ...empty, ok: false, problems: [parsed.error] };
  const outcome = estimateFromInput(parsed.value, { catalog });
  if (!outcome.ok) return { ...empty, ok: false, problems: outcome.problems };
  const r = outcome.result;
  return {
    file,
    ok: true,
    problems: [],
    apiMonthlyUsd: r.api.monthlyUsd,
    selfHostedMonthlyUsd: r.selfHosted.monthlyUsd,
    breakEvenWithOps: r.breakEven.withOpsRequestsPerDay,
    breakEvenComputeOnly: r.breakEven.computeOnlyRequestsPerDay,
    verdict: r.verdict,
    priceSource: r.api.price.source,
    priceAsOf: r.api.price.asOf,
    daysPerMonth: Number(r.assumptions.daysPerMonth),
    curve: (() => {
      const c = costCurveFromInput(parsed.value, { catalog });
      return c.ok ? c.curve : null;
    })(),
  };
}
