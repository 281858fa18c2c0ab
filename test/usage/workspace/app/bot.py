from openai import OpenAI
import anthropic

client = OpenAI()
claude = anthropic.Anthropic()


class Bot:
    def reply(self, history, question):
        return client.chat.completions.create(
            model="gpt-4o",
            messages=[
                {"role": "system", "content": "You are a support assistant. Answer in two sentences."},
                {"role": "user", "content": f"{history}\n\nQuestion: {question}"},
            ],
        )


def summarize(doc):
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarize in three bullet points:\n{doc}"}],
    )


def classify(ticket):
    return client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Label this ticket as billing, bug or other:\n{ticket}"}],
    )


def draft(topic):
    # llm-cost: 200/day
    return claude.messages.create(
        model="claude-sonnet-4-5",
        max_tokens=1024,
        messages=[{"role": "user", "content": f"Draft a release note about {topic}"}],
    )
