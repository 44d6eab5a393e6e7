// pdfjs-dist ships no declarations for its worker module; it is loaded only to run in this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
