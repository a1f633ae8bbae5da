import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { routeErrorText } from '@/shared/routeError';

/**
 * Shown when a page fails to render or its chunk fails to load (typically a new version was
 * deployed while the tab was open): a reload fetches the current files.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { title, subTitle } = routeErrorText(error);
  return (
    <Result
      status={isRouteErrorResponse(error) && error.status === 404 ? '404' : 'warning'}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
