import type { FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { markFieldErrors } from './errors';

export interface FormRefusal {
  /** The refused submit's error, for the form's alert; null before a submit and once cleared. */
  error: unknown;
  /** A submit is on its way: the last refusal's alert goes. */
  clear: () => void;
  /**
   * The server refused the submit: its messages under the fields it names, the first of them
   * focused (`markFieldErrors`); when it names none of the form's fields, the alert with its
   * message is brought into view and focused instead, for the user is at the submit button,
   * typically a long way below the alert at the form's top.
   */
  refuse: (error: unknown) => void;
  /** For `FormRefusalAlert`. */
  alertRef: RefObject<HTMLDivElement | null>;
}

/** A long form's server refusal, shown where the user sees it (with `FormRefusalAlert` at the form's top). */
export function useFormRefusal(form: FormInstance): FormRefusal {
  const [error, setError] = useState<unknown>(null);
  // counts the refusals naming no field: each one brings the alert into view again
  const [unplaced, setUnplaced] = useState(0);
  const alertRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const alert = alertRef.current;
    if (!unplaced || !alert) return;
    alert.scrollIntoView?.({ block: 'nearest' });
    alert.focus({ preventScroll: true });
  }, [unplaced]);

  const clear = useCallback(() => setError(null), []);
  const refuse = useCallback(
    (e: unknown) => {
      setError(e);
      if (markFieldErrors(form, e).marked.length === 0) setUnplaced((n) => n + 1);
    },
    [form],
  );
  return { error, clear, refuse, alertRef };
}

/** The refusal's message (and an import's rows) at the form's top; focusable, and clear of the sticky header when scrolled to. */
export function FormRefusalAlert({ refusal, style }: { refusal: FormRefusal; style?: CSSProperties }) {
  return (
    <div ref={refusal.alertRef} tabIndex={-1} data-testid="form-refusal" style={{ outline: 'none', scrollMarginTop: 80 }}>
      <ErrorAlert error={refusal.error} style={style} />
    </div>
  );
}
