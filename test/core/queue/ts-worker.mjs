// Worker threads do not inherit tsx's loader: this plain module registers it and loads the
// TypeScript entry named in workerData.entry (https://tsx.is/dev-api/ts-import).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.entry, import.meta.url);
