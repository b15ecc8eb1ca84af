// The integrity worker's thread (worker_threads, plain Node, no Electron): runs the job it was given
// (integrity-run.ts) and answers once. Started by vault-health.ts after unlock; bundled as
// out/main/integrity-worker.js and out/cli/integrity-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { runIntegrityJob } from './integrity-run';

// Stryker disable next-line OptionalChaining: differs only when the script is loaded outside a worker thread (parentPort null), which the app never does: vault-health.ts starts it as a worker, and nothing imports it
parentPort?.postMessage(runIntegrityJob(workerData));
