// @ts-check
// The class-report worker's own code, as text: src/js/build.mjs puts the bundled
// src/js/classroom/worker.js here when it builds class-report.js, so that the page can start its
// worker from a Blob (a page opened from disk may not load a worker from a file). Empty in the sources.

export const WORKER_SOURCE = "";
