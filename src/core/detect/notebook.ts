import type { DetectedCall } from './types';
export interface NotebookSource { source: string; skipped?: string; mapCall(call: DetectedCall): DetectedCall }
export function extractNotebook(_text: string): NotebookSource { return { source: '', mapCall: (c) => c }; }
