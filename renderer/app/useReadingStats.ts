import { useEffect, useMemo, useState } from 'react';
import { readingStats, type ReadingStats } from '../../shared/text/reading-stats';

/** Texts longer than this are recounted after a pause in typing rather than on every keystroke. */
const LONG_TEXT = 100_000;
const PAUSE_MS = 400;

/**
 * readingStats of `text` for the status bar and the preview's reading time. Counting a 1 MB post
 * takes ~10 ms, which every keystroke would pay on the page, so long texts are counted once the
 * typing pauses (the counts of a long post barely move between two keystrokes).
 */
export function useReadingStats(text: string | null, wordsPerMinute?: number): ReadingStats | null {
  const long = text !== null && text.length > LONG_TEXT;
  const now = useMemo(() => (text === null || long ? null : readingStats(text, wordsPerMinute)), [text, long, wordsPerMinute]);
  const [later, setLater] = useState<ReadingStats | null>(null);
  const counted = later !== null;
  useEffect(() => {
    if (!long || text === null) return;
    const timer = setTimeout(() => setLater(readingStats(text, wordsPerMinute)), counted ? PAUSE_MS : 0);
    return () => clearTimeout(timer);
  }, [text, long, wordsPerMinute, counted]);
  return long ? later : now;
}
