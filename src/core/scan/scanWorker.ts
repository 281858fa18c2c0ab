// Entry of a scan detection worker thread (detectPool.ts); bundled as dist/scanWorker.js.
import { serveDetection } from './detectPool';

serveDetection();
