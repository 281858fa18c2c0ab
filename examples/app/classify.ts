// Routes each inbound email to a queue. High volume, tiny output: a candidate for self-hosting.
import OpenAI from 'openai';

const openai = new OpenAI();
const MODEL = process.env.CLASSIFIER_MODEL ?? 'gpt-4o-mini';

export async function classify(subject: string, body: string): Promise<string> {
  // llm-cost: 50000/day output=5
  const completion = await openai.chat.completions.create({
    model: MODEL,
    max_tokens: 10,
    messages: [
      { role: 'system', content: 'Classify the email into one of: billing, bug, feature-request, spam. Answer with the label only.' },
      { role: 'user', content: `Subject: ${subject}\n\n${body}` },
    ],
  });
  return completion.choices[0]?.message.content ?? 'unknown';
}
