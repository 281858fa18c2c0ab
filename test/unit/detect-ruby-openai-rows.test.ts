// ruby-openai: `responses(parameters:)` (8.x), `images.edit` and `images.variations` are requests; the same
// method names without the `parameters:` hash, or on another receiver, are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls } from '../../src/core/detect/index';

test('responses(parameters:), images.edit and images.variations on an OpenAI::Client', async () => {
  const src = `require "openai"

class Studio
  def initialize
    @client = OpenAI::Client.new(access_token: ENV["OPENAI_API_KEY"])
  end

  def reply(text)
    @client.responses(parameters: { model: "gpt-4o-mini", input: text })
  end

  def retouch(path)
    @client.images.edit(parameters: { image: path, prompt: "Remove the background", model: "dall-e-2" })
  end

  def vary(path)
    @client.images.variations(parameters: { image: path, n: 2 })
  end
end
`;
  const r = await detectCalls('app/studio.rb', src);
  assert.deepEqual(r.calls.map((c) => [c.line, c.api, c.model]), [[9, 'responses.create', 'gpt-4o-mini'], [13, 'images.edit', 'dall-e-2'], [17, 'images.variations', null]]);
});

test('look-alikes: a survey model with responses, an uploader with images.edit', async () => {
  const src = `require "openai"

class SurveysController
  def index
    @survey = Survey.find(params[:id])
    @answers = @survey.responses(limit: 10)
    @gallery.images.edit(id: params[:image_id])
  end
end
`;
  const r = await detectCalls('app/surveys_controller.rb', src);
  assert.deepEqual(r.calls, []);
});
