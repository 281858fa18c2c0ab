// C#: OpenAI .NET image generation (`new ImageClient("dall-e-3", key).GenerateImage(prompt, options)`,
// `openAi.GetImageClient("gpt-image-1")`) is a request; a GenerateImage of another type is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls } from '../../src/core/detect/index';

const file = (body: string) => `using System;
using OpenAI;
using OpenAI.Images;

public class Posters
{
${body}
}
`;

test('ImageClient.GenerateImage from a constructed client and from GetImageClient', async () => {
  const r = await detectCalls('Posters.cs', file(`    public void Draw(OpenAIClient openAi)
    {
        ImageClient client = new("dall-e-3", Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
        var a = client.GenerateImage("A lighthouse at dawn");
        var b = openAi.GetImageClient("gpt-image-1").GenerateImageAsync("A harbour at night");
    }`));
  assert.deepEqual(r.calls.map((c) => [c.line, c.api, c.kind, c.model]), [[10, 'images.generate', 'image', 'dall-e-3'], [11, 'images.generate', 'image', 'gpt-image-1']]);
});

test('look-alike: GenerateImage on a renderer of our own is not a request', async () => {
  const r = await detectCalls('Posters.cs', file(`    private readonly ChartRenderer _renderer = new ChartRenderer();
    public byte[] Draw(string title) => _renderer.GenerateImage(title);`));
  assert.deepEqual(r.calls, []);
});
