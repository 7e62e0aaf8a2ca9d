import { useState } from 'react';

/**
 * The record a modal is about, kept while the modal closes: the parent clears it on close, but the
 * closing animation should still show it. A new record replaces it at once.
 */
export function useShownSubject<T>(subject: T | null): T | null {
  const [shown, setShown] = useState(subject);
  if (subject !== null && subject !== shown) setShown(subject);
  return subject ?? shown;
}
