import { isRouteErrorResponse, useRouteError } from 'react-router';
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
  const chunkMissing = error instanceof TypeError && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="boot-error">
      <h1>{chunkMissing ? '系统已更新，请刷新页面' : notFound ? '页面不存在' : '页面加载出错'}</h1>
      <p>{chunkMissing ? '页面文件已更新，刷新后即可继续使用。' : '请刷新页面重试；如仍有问题，请联系系统管理员。'}</p>
      <button type="button" onClick={() => window.location.reload()}>
        刷新页面
      </button>
    </main>
  );
}
