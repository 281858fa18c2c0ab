// Prompt parts from the Python analyser's values: converted to shared values and walked by request/prompts.ts.
import type { PromptPart } from '../types';
import * as shared from '../request/prompts';
import { toShared } from './shared';
import type { Value } from './value';

export function messagesToParts(v: Value, defaultRole = 'user'): PromptPart[] {
  return shared.messagesToParts(toShared(v), defaultRole);
}

export function textToParts(v: Value, role: string): PromptPart[] {
  return shared.textToParts(toShared(v), role);
}

export function toolParts(v: Value): PromptPart[] {
  return shared.toolParts(toShared(v));
}
