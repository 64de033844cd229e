import { useEffect, type RefObject } from 'react';

/** The nearest ancestor that scrolls vertically: the box a sticky bar sticks to. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let box = element.parentElement; box; box = box.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(box).overflowY)) return box;
  }
  return null;
}

/**
 * Keeps what the keyboard reaches above a bar stuck to the bottom of its scrolling box: the box's
 * bottom scroll padding follows the bar's height (one row or two, as the width allows), so a
 * focused row is scrolled into view above the bar rather than under it.
 */
export function useRoomAboveStickyBar(bar: RefObject<HTMLElement | null>, shown: boolean) {
  useEffect(() => {
    const element = bar.current;
    const box = element && scrollingAncestor(element);
    if (!element || !box) return;
    // A little air between the focused row and the bar.
    const observer = new ResizeObserver(() => {
      box.style.scrollPaddingBottom = `${Math.ceil(element.getBoundingClientRect().height) + 8}px`;
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      box.style.scrollPaddingBottom = '';
    };
  }, [bar, shown]);
}
