// The integrity worker's thread (worker_threads, plain Node, no Electron): runs the job it was given
// (integrity-run.ts) and answers once. Started by vault-health.ts after unlock; bundled as
// out/main/integrity-worker.js and out/cli/integrity-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { runIntegrityJob } from './integrity-run';

// Stryker disable next-line OptionalChaining: differs only when loaded outside a worker thread, which the app never does; integrity-worker.test.ts covers it under npm test (Stryker's runner runs tests in worker threads, where that test cannot)
parentPort?.postMessage(runIntegrityJob(workerData));
