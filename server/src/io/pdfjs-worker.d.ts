// pdfjs-dist ships no declarations for its worker module; it is loaded only to run in this thread.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
// The minified build of the library; its types are those of the full build (pdf.mjs).
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs';
