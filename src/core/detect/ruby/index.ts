// Ruby call-site detection (the LanguageModule): ruby-openai and the official openai gem, anthropic-sdk-ruby and
// RubyLLM requests, read by the shared request interpreter. Syntax in syntax.ts / values.ts, gem rows in sdks.ts.
import type { LanguageModule } from '../types';
import { analyzeWith } from '../frontend/analyze';
import { requestKey } from '../frontend/values';
import { RUBY_KEY_ALIASES, RUBY_SDKS } from './sdks';
import { rubyBindings, rubyCalls, rubyQualifiedName, rubyView } from './syntax';
import { rubyEvaluate } from './values';

export const rubyModule: LanguageModule = {
  extensions: { '.rb': { language: 'ruby', grammar: 'ruby' } },
  needles: ['ruby_llm', 'rubyllm'],
  analyze(ctx) {
    return analyzeWith({
      sdks: RUBY_SDKS, calls: rubyCalls, view: rubyView, bindings: rubyBindings, evaluate: rubyEvaluate, qualifiedName: rubyQualifiedName,
      key: (k) => requestKey(k, RUBY_KEY_ALIASES),
    }, ctx);
  },
};
