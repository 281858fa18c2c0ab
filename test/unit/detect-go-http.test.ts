// Go raw net/http requests (go/http.ts, frontend/http.ts): the body's shapes beyond the fixture, and hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls } from '../../src/core/detect';

const file = (body: string) => `package x

import (
	"bytes"
	"net/http"
)

func send() {
${body}
}
`;

test('a []byte JSON body, a body variable, and prototype-named keys', async () => {
  const r = await detectCalls('x.go', file(`	payload := []byte(\`{"__proto__": {"model": "o3"}, "constructor": 1, "model": "gpt-4o-mini", "stream": true}\`)
	req, _ := http.NewRequest(http.MethodPost, "https://api.groq.com/openai/v1/chat/completions", bytes.NewReader(payload))
	_ = req`));
  assert.equal(r.calls.length, 1);
  const c = r.calls[0]!;
  assert.deepEqual([c.sdk, c.api, c.model, c.streaming, c.endpoint, c.baseUrl], ['http', 'chat.completions.create', 'gpt-4o-mini', true, 'api', 'https://api.groq.com']);
});

test('a body that is not JSON, or not followed, leaves the model unresolved; the request is still found', async () => {
  const r = await detectCalls('x.go', file(`	http.Post("http://127.0.0.1:8000/v1/chat/completions", "application/json", bytes.NewReader([]byte("not json")))
	http.Post("http://127.0.0.1:8000/v1/completions", "application/json", makeBody())`));
  assert.deepEqual(r.calls.map((c) => [c.api, c.model, c.endpoint]), [['chat.completions.create', null, 'self-hosted'], ['completions.create', null, 'self-hosted']]);
});

test('a URL of 5,000 concatenations and a body of 2,000 nested wrappers finish, found or not', async () => {
  const url = Array.from({ length: 5_000 }, (_, i) => `"/p${i}"`).join(' + ') + ' + "/v1/chat/completions"';
  const body = 'bytes.NewReader('.repeat(2_000) + 'nil' + ')'.repeat(2_000);
  const r = await detectCalls('x.go', file(`	http.Post(${url}, "application/json", ${body})`));
  assert.ok(Array.isArray(r.calls));
  for (const c of r.calls) assert.equal(c.api, 'chat.completions.create');
});

test('net/http imported under another name; a file without net/http is not read for HTTP', async () => {
  const aliased = await detectCalls('x.go', `package x\n\nimport h "net/http"\n\nfunc f() { h.Post("https://api.openai.com/v1/embeddings", "application/json", nil) }\n`);
  assert.deepEqual(aliased.calls.map((c) => c.api), ['embeddings.create']);
  const other = await detectCalls('x.go', `package x\n\nimport "example.com/http"\n\nfunc f() { http.Post("https://api.openai.com/v1/embeddings", "application/json", nil) }\n`);
  assert.deepEqual(other.calls, []);
});
