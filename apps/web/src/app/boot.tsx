import { isRouteErrorResponse, useRouteError } from 'react-router';
import { routeErrorText } from '@/shared/routeError';
import './boot.css';

/**
 * What the first load shows before any page's chunk arrives, and when one cannot load. Plain markup
 * and CSS: the entry carries no component library, and an error page that needs another chunk would
 * fail the same way as the page it replaces (a new version deployed while the tab was open).
 */
export function BootLoading() {
  return (
    <div className="boot-loading" role="status" aria-label="正在加载">
      <span className="boot-spinner" />
    </div>
  );
}

/** A failure in plain markup: what went wrong, why, and the one thing to do about it. */
export function ErrorNotice({ title, subTitle, action, onAction }: { title: string; subTitle: string; action: string; onAction: () => void }) {
  return (
    <main className="boot-error">
      <h1>{title}</h1>
      <p>{subTitle}</p>
      <button type="button" onClick={onAction}>
        {action}
      </button>
    </main>
  );
}

/**
 * Shown when a page fails to render or its chunk fails to load (typically a new version was deployed
 * while the tab was open): a reload fetches the current files. The same page inside the signed-in
 * layout, where it keeps the menu and header around it.
 */
export function BootErrorPage() {
  const error = useRouteError();
  const { title, subTitle } = routeErrorText(error);
  return (
    <ErrorNotice
      title={isRouteErrorResponse(error) && error.status === 404 ? '页面不存在' : title}
      subTitle={subTitle}
      action="刷新页面"
      onAction={() => window.location.reload()}
    />
  );
}
