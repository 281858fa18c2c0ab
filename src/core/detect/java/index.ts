// Java call-site detection (the LanguageModule): openai-java, anthropic-java, LangChain4j and Spring AI requests, read
// by the shared request interpreter. Syntax in syntax.ts / values.ts, SDK rows in sdks.ts, Spring AI's configured
// model in springConfig.ts.
import type { LanguageModule } from '../types';
import { analyzeWith } from '../frontend/analyze';
import { JAVA_SDKS } from './sdks';
import { javaBindings, javaCalls, javaQualifiedName, javaView } from './syntax';
import { javaEvaluate } from './values';
import { springConfiguredModel } from './springConfig';

export const javaModule: LanguageModule = {
  extensions: { '.java': { language: 'java', grammar: 'java' } },
  needles: ['org.springframework.ai'],
  analyze(ctx) {
    return analyzeWith({
      sdks: JAVA_SDKS, calls: javaCalls, view: javaView, bindings: javaBindings, evaluate: javaEvaluate, qualifiedName: javaQualifiedName,
      key: (k) => k,
      configuredModel: (sdk, c) => (sdk.sdk === 'spring-ai' ? springConfiguredModel(c) : null),
    }, ctx);
  },
};
