"""Support-ticket summarizer: one call per incoming ticket."""
import os

from anthropic import Anthropic

SYSTEM_PROMPT = "You are a support analyst. Summarize the ticket in three bullet points and name the product area."

client = Anthropic()


def summarize(ticket_text: str) -> str:
    # llm-cost: 1000/day
    response = client.messages.create(
        model="claude-sonnet-4-6",
        max_tokens=300,
        system=SYSTEM_PROMPT,
        messages=[{"role": "user", "content": f"Ticket:\n{ticket_text}"}],
    )
    return response.content[0].text
