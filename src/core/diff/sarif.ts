// `diff --format sarif`: each added or changed call site as a result on its line, for code-scanning annotations
// (GitHub's upload-sarif). A removed call site has no line at the head, so it is not a result; the totals' gates
// are in the exit code and the PR comment.
import { signedUsd, cells, changeLabel } from './describe';
import type { CallSiteDiff, DiffResult } from './types';

const RULES = [
  { id: 'llm-cost/changed', shortDescription: { text: 'The monthly cost of an LLM call site changed' } },
  { id: 'llm-cost/added', shortDescription: { text: 'A new LLM call site' } },
] as const;

function level(d: DiffResult, c: CallSiteDiff): 'error' | 'warning' | 'note' {
  const v = d.policy.violations.filter((x) => x.key === c.key);
  if (v.some((x) => x.level === 'fail')) return 'error';
  return v.length ? 'warning' : 'note';
}

export function renderSarif(d: DiffResult, pathPrefix: string, version: string): string {
  const results = d.callSites.filter((c) => c.status === 'added' || c.status === 'changed').map((c) => {
    const a = c.after!;
    const x = cells(c);
    const what = c.status === 'added' ? 'new LLM call site' : `changed ${changeLabel(c)}`;
    const gates = d.policy.violations.filter((v) => v.key === c.key).map((v) => ` Policy ${v.level}: ${v.message}.`).join('');
    return {
      ruleId: `llm-cost/${c.status}`,
      level: level(d, c),
      message: { text: `${what}: ${signedUsd(c.deltaMonthlyUsd)}/mo through the API (model ${x.model}; tokens in/out ${x.tokens}; ${x.volume}; API ${x.cost}/mo).${gates}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: pathPrefix + a.file, uriBaseId: '%SRCROOT%' }, region: { startLine: a.line, startColumn: a.column, endLine: a.endLine } } }],
      partialFingerprints: { callSiteKey: c.key },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'LLM Cost Lens', version, informationUri: 'https://github.com/llm-cost-lens/llm-cost-lens', rules: RULES } },
      results,
      properties: { headline: d.summary.headline, base: d.base, head: d.head, totals: d.totals, policy: d.policy.status, prices: d.basis.prices },
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
