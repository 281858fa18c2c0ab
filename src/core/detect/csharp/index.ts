// C# call-site detection (the LanguageModule): OpenAI .NET, Azure.AI.OpenAI 1.x, Microsoft.Extensions.AI over OpenAI
// and Semantic Kernel requests, read by the shared request interpreter. Syntax in syntax.ts / values.ts, rows in sdks.ts.
import type { LanguageModule } from '../types';
import { analyzeWith } from '../frontend/analyze';
import { requestKey } from '../frontend/values';
import { CSHARP_KEY_ALIASES, CSHARP_SDKS } from './sdks';
import { csharpBindings, csharpCalls, csharpQualifiedName, csharpView } from './syntax';
import { csharpEvaluate, kernelModel } from './values';

export const csharpModule: LanguageModule = {
  extensions: { '.cs': { language: 'csharp', grammar: 'c-sharp' } },
  needles: ['microsoft.semantickernel', 'microsoft.extensions.ai'],
  analyze(ctx) {
    return analyzeWith({
      sdks: CSHARP_SDKS, calls: csharpCalls, view: csharpView, bindings: csharpBindings, evaluate: csharpEvaluate, qualifiedName: csharpQualifiedName,
      key: (k) => requestKey(k, CSHARP_KEY_ALIASES),
      configuredModel: (sdk, c) => (sdk.sdk === 'semantic-kernel' ? kernelModel(c.tree.rootNode) : null),
    }, ctx);
  },
};
