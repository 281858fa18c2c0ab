// Go call-site detection (the LanguageModule): go-openai, openai-go, anthropic-sdk-go, Google genai and LangChainGo
// requests, and raw net/http requests to model endpoints (http.ts), read by the shared request interpreter. Syntax
// in syntax.ts / values.ts, SDK rows in sdks.ts.
import type { LanguageModule } from '../types';
import { analyzeWith } from '../frontend/analyze';
import { requestKey } from '../frontend/values';
import { GO_SDKS } from './sdks';
import { goBindings, goCalls, goImports, goQualifiedName, goView } from './syntax';
import { goEvaluate } from './values';
import { goHttp } from './http';

export const goModule: LanguageModule = {
  extensions: { '.go': { language: 'go', grammar: 'go' } },
  analyze(ctx) {
    const imports = goImports(ctx.tree.rootNode);
    return analyzeWith({
      sdks: GO_SDKS, calls: goCalls, view: goView, bindings: goBindings, evaluate: goEvaluate({ imports }), qualifiedName: goQualifiedName,
      key: (k) => requestKey(k),
      http: goHttp({ imports }), httpImports: ['"net/http"'],
    }, ctx);
  },
};
