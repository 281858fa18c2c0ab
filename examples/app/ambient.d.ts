// The example app is a snippet without installed dependencies; these declarations keep the editor's
// TypeScript checker quiet about the missing `openai` package and Node types when you open the demo.
declare module 'openai' {
  const OpenAI: any;
  export default OpenAI;
}
declare const process: { env: Record<string, string | undefined> };
