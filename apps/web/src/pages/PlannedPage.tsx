import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import { PageContainer } from '@/shared/PageContainer';
import { useRouteTitle } from '@/shared/routeHandle';

/** Stands in for a registered place whose feature has not landed yet. */
export default function PlannedPage() {
  const title = useRouteTitle();
  const navigate = useNavigate();
  return (
    <PageContainer>
      <Card variant="borderless">
        <Result
          icon={<ToolOutlined style={{ color: '#1d4f9c' }} />}
          title={`${title ?? '该功能'}正在建设中`}
          subTitle="该功能模块即将上线，届时将在此处办理。"
          extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
        />
      </Card>
    </PageContainer>
  );
}
