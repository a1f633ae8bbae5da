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

export function BootErrorPage() {
  const error = useRouteError();
  const { title, subTitle } = routeErrorText(error);
  return (
    <main className="boot-error">
      <h1>{isRouteErrorResponse(error) && error.status === 404 ? '页面不存在' : title}</h1>
      <p>{subTitle}</p>
      <button type="button" onClick={() => window.location.reload()}>
        刷新页面
      </button>
    </main>
  );
}
