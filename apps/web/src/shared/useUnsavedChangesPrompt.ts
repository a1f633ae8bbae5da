import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';

/** What leaving a form with unsaved changes asks (in-app navigation; the browser words reload/close itself). */
export const LEAVE_PROMPT = '有未保存的内容，确定离开？';

export interface UnsavedChanges {
  /** Whether the user has changed something since the form opened (or was last saved). */
  dirty: boolean;
  /**
   * The user changed something: for the Form's `onValuesChange` (which user edits fire and
   * `setFieldsValue` does not), and for edits the form keeps outside its fields (a photo).
   */
  changed: () => void;
  /** Saved: call before navigating away after a successful save, which then leaves without asking. */
  saved: () => void;
}

/**
 * Keeps a long form's typing from being thrown away unnoticed (登记活动, 登记保安员): once the user
 * has changed something, leaving by an in-app navigation (the menu, a link, the bell, back) asks
 * “有未保存的内容，确定离开？” (react-router's `useBlocker`; the app's router is a data router,
 * `app/router.tsx`), and a reload or closing the tab asks through the browser's own `beforeunload`
 * prompt. Staying keeps every value; after `saved()`, or once the user confirmed leaving, nothing asks.
 *
 * Not asked: a navigation within the same path (a changed query string), and the way to the login
 * page, which a logout or a lapsed session takes after the session has already ended on the server.
 */
export function useUnsavedChangesPrompt(): UnsavedChanges {
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState(false);
  // read by the blocker when a navigation starts: `saved(); navigate(…)` in one handler must not ask
  const dirtyRef = useRef(false);

  const changed = useCallback(() => {
    if (dirtyRef.current) return;
    dirtyRef.current = true;
    setDirty(true);
  }, []);
  const saved = useCallback(() => {
    dirtyRef.current = false;
    setDirty(false);
  }, []);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname && nextLocation.pathname !== '/login',
    [],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const dialog = modal.confirm({
      title: LEAVE_PROMPT,
      content: '离开后，本页已填写的内容将丢失。',
      okText: '离开',
      okButtonProps: { danger: true },
      cancelText: '留在本页',
      onOk: () => {
        saved();
        blocker.proceed();
      },
      onCancel: () => blocker.reset(),
    });
    return () => dialog.destroy();
  }, [blocker, modal, saved]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers (Safari before 17, Chrome before 119) ask only when returnValue is set
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  return { dirty, changed, saved };
}
