/** A worker of the in-process batch measurement: reads and lints the files it is given. */
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { lint } from '../server/src/core';

const files = (workerData as { files: string[] }).files;
let findings = 0;
for (const f of files) findings += lint(fs.readFileSync(f, 'utf8')).findings.length;
parentPort?.postMessage({ files: files.length, findings });
