import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * Shown when a page fails to render or its chunk fails to load (typically a new version was
 * deployed while the tab was open): a reload fetches the current files.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const chunkMissing = error instanceof TypeError && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Result
      status={isRouteErrorResponse(error) && error.status === 404 ? '404' : 'warning'}
      title={chunkMissing ? '系统已更新，请刷新页面' : '页面加载出错'}
      subTitle={chunkMissing ? '页面文件已更新，刷新后即可继续使用。' : '请刷新页面重试；如仍有问题，请联系系统管理员。'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
