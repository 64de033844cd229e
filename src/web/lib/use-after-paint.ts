import { useEffect, useState } from 'react';

/**
 * True from the first frame after `ready` became true, and for good after that. A page mounts
 * its sections below the fold with it, so their requests, rendering and charts wait until what
 * is at the top of the page is on the screen, instead of competing with it.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The callback of the next frame runs before that frame paints; the timeout lands after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
