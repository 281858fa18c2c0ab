// A documented limit on hostile input (front matter nesting, a price catalog's size, …). Thrown where the limit
// is checked and turned into a one-line `skipped` reason or error by the caller: its message is shown as is.
export class InputLimitError extends Error {
  override name = 'InputLimitError';
}
