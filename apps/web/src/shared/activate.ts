import type { KeyboardEvent } from 'react';

/**
 * Props that make a clickable card, row or figure a keyboard control as well (WCAG 2.1.1):
 * reachable with Tab, named by its visible text, opened with Enter or Space like a button.
 */
export function activate(onActivate: () => void) {
  return {
    role: 'button' as const,
    tabIndex: 0,
    onClick: onActivate,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onActivate();
      }
    },
  };
}
