import { useEffect, type ReactNode } from 'react';
import { Breadcrumb, Flex, Typography, theme } from 'antd';
import { Link } from 'react-router';
import { useRouteTitle } from './routeHandle';

interface Props {
  /** Defaults to the route's title from the registry. */
  title?: ReactNode;
  subTitle?: ReactNode;
  /** Buttons on the right of the title. */
  extra?: ReactNode;
  /** Content between the title and the body (descriptions, tabs). */
  header?: ReactNode;
  children?: ReactNode;
  breadcrumb?: boolean;
}

/** The frame of every page: breadcrumb, title, actions, then the page body. */
export function PageContainer({ title, subTitle, extra, header, children, breadcrumb = true }: Props) {
  const routeTitle = useRouteTitle();
  const { token } = theme.useToken();
  const shown = title ?? routeTitle;
  useEffect(() => {
    const text = typeof shown === 'string' ? shown : routeTitle;
    document.title = text ? `${text} - 大型活动安保前置审核系统` : '大型活动安保前置审核系统';
  }, [shown, routeTitle]);
  return (
    <div className="page-container">
      <div className="page-header" style={{ background: token.colorBgContainer }}>
        {breadcrumb && (
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[{ title: <Link to="/">首页</Link> }, ...(routeTitle && routeTitle !== '首页' ? [{ title: routeTitle }] : [])]}
          />
        )}
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex align="baseline" gap={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {shown}
            </Typography.Title>
            {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
          </Flex>
          {extra && <Flex gap={8} wrap>{extra}</Flex>}
        </Flex>
        {header && <div style={{ marginTop: 12 }}>{header}</div>}
      </div>
      <div className="page-body">{children}</div>
    </div>
  );
}
