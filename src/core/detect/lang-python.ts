// Python call-site detection (the LanguageModule). One pass collects bindings per scope (py/bindings.ts); values
// are then computed lazily and memoised per expression node (py/file.ts, py/values.ts, py/calls.ts), so a call's
// receiver, model and prompt are resolved through aliases, instance attributes, helper functions and imports from
// other workspace files (py/imports.ts). Call sites: py/sites.ts (SDKs), py/langchain.ts, py/http.ts. What an SDK
// looks like comes from sdks.ts.
import type { LanguageModule } from './types';
import { PyFile, type Shared } from './py/file';
import { detectSites } from './py/sites';
import { callCandidates } from './py/candidates';

export const pythonModule: LanguageModule = {
  extensions: { '.py': { language: 'python', grammar: 'python' } },
  analyze(ctx) {
    const shared: Shared = { files: new Map(), ctx, depth: 0 };
    const file = new PyFile(ctx.relPath, ctx.tree.rootNode, shared, 0);
    shared.files.set(ctx.relPath, file);
    return detectSites(file, callCandidates(file));
  },
};
