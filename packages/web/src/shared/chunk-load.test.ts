import { describe, expect, it } from 'vitest';
import { isChunkLoadError } from './chunk-load';

describe('isChunkLoadError', () => {
  it.each([
    [new TypeError('Failed to fetch dynamically imported module: http://x/assets/page-abc.js'), true],
    [new TypeError('error loading dynamically imported module: http://x/assets/page-abc.js'), true],
    [new TypeError('Importing a module script failed.'), true],
    [new Error('Unable to preload CSS for /assets/page.css'), true],
    [new Error('Cannot read properties of undefined (reading "name")'), false],
    ['Failed to fetch dynamically imported module', true],
    [null, false],
  ])('%s → %s', (error, expected) => {
    expect(isChunkLoadError(error)).toBe(expected);
  });
});
