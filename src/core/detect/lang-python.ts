import type { LanguageModule } from './index';
export const pythonModule: LanguageModule = { extensions: { '.py': { language: 'python', grammar: 'python' } }, analyze: () => [] };
