// Pure classification of what the browser did: which requests left the machine, which console lines are CSP violations.

export interface RequestEntry {
  url: string;
  method: string;
  resourceType: string;
  frameUrl: string;
  /** Answered by the webview's service worker (in the page), not by any server. */
  fromServiceWorker: boolean;
  status: number | null;
  failure: string | null;
}

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
  /** ms since the session started */
  at: number;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const INLINE_SCHEMES = new Set(['data:', 'blob:', 'about:', 'vscode-webview:', 'vscode-resource:', 'chrome-extension:', 'chrome:']);
/**
 * Requests the workbench itself makes (not the extension, not its webview). Reported, never required.
 * Extend only with hosts seen in requests.log and explained.
 */
const WORKBENCH_OWN_HOSTS = [/(^|\.)open-vsx\.org$/, /(^|\.)vscode-unpkg\.net$/, /(^|\.)vscode-cdn\.net$/, /(^|\.)vscode-update\.azurewebsites\.net$/, /(^|\.)visualstudio\.com$/];

export interface NetworkReport {
  /** To 127.0.0.1 (code-server) or inline (data:, blob:). */
  local: RequestEntry[];
  /** `*.vscode-cdn.net` webview resource URLs answered inside the page by the webview service worker. */
  servedByServiceWorker: RequestEntry[];
  /** Non-local requests from the workbench's own code (extension gallery, etc.), with no webview in their frame chain. */
  workbenchOwn: RequestEntry[];
  /** Everything else: requests that left the machine from the extension's webview or unknown places. A test failure. */
  external: RequestEntry[];
}

export function classifyRequests(requests: RequestEntry[]): NetworkReport {
  const report: NetworkReport = { local: [], servedByServiceWorker: [], workbenchOwn: [], external: [] };
  for (const r of requests) {
    let url: URL;
    try {
      url = new URL(r.url);
    } catch {
      report.external.push(r);
      continue;
    }
    if (INLINE_SCHEMES.has(url.protocol) || LOCAL_HOSTS.has(url.hostname)) report.local.push(r);
    else if (r.fromServiceWorker && /(^|\.)vscode-cdn\.net$/.test(url.hostname)) report.servedByServiceWorker.push(r);
    else if (!isWebviewFrame(r.frameUrl) && WORKBENCH_OWN_HOSTS.some((h) => h.test(url.hostname))) report.workbenchOwn.push(r);
    else report.external.push(r);
  }
  return report;
}

function isWebviewFrame(frameUrl: string): boolean {
  return /\/webview\/|vscode-webview|vscode-cdn\.net/.test(frameUrl);
}

/** Console lines in which Chromium reports a Content-Security-Policy violation (any frame, webviews included). */
export function cspViolations(entries: ConsoleEntry[]): ConsoleEntry[] {
  return entries.filter((e) => /Content Security Policy|Refused to (load|apply|execute|connect|frame|create)/i.test(e.text));
}
