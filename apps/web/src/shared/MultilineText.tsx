import type { CSSProperties, ReactNode } from 'react';

/**
 * Free text as typed: the line breaks kept (a plan item pasted as several lines, a note, a reason).
 * A long line still wraps at the edge of its cell (`break-word` does not widen a table's column).
 */
export const MULTILINE: CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'break-word' };

/** Stored free text shown with its line breaks (`MULTILINE`), inline where it stands. */
export function MultilineText({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  return <span style={style ? { ...MULTILINE, ...style } : MULTILINE}>{children}</span>;
}
