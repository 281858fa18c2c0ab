// Go, Java, C# and Ruby are registered front ends: their files are recognised by path, and the build ships their
// tree-sitter grammars (scripts/build.mjs copies exactly registeredGrammars()).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { languageForPath, registeredGrammars } from '../../src/core/detect/index';

const LANGS: [string, string, string][] = [['svc/main.go', 'go', 'go']];

test('the new languages are recognised by extension and their grammars are shipped', () => {
  const grammars = registeredGrammars();
  for (const [file, language, grammar] of LANGS) {
    assert.equal(languageForPath(file), language, file);
    assert.ok(grammars.includes(grammar), `grammar ${grammar} is not registered`);
    assert.ok(existsSync(`node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-${grammar}.wasm`), `tree-sitter-${grammar}.wasm`);
  }
  assert.equal(languageForPath('notes/readme.txt.go.bak'), null);
});
