import type { KeyboardEvent } from 'react';

/**
 * Props that make a clickable card, row or figure a keyboard control as well (WCAG 2.1.1):
 * reachable with Tab, named by its visible text, opened with Enter or Space like a button.
 */
export function activate(onActivate: () => void) {
  return { ...activateByKey(onActivate), onClick: onActivate };
}

/**
 * The keyboard half of `activate`, for the content of a list row whose <li> keeps the mouse click
 * (an <li> must stay a list item, so the button role goes on the element inside it).
 */
export function activateByKey(onActivate: () => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onActivate();
      }
    },
  };
}
