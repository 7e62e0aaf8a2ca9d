// After a redeploy the page still names the old build's chunks, which are gone: loading one fails
// with a message each browser words its own way. Only a reload (fetching the new index) helps.
const CHUNK_LOAD_FAILURES = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /Unable to preload CSS/i, // Vite's preload helper
  /ChunkLoadError|Loading chunk [\w-]+ failed/i,
];

/** Whether an error thrown while rendering is a chunk of the app that failed to load. */
export function isChunkLoadError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return CHUNK_LOAD_FAILURES.some((pattern) => pattern.test(text));
}
