import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export default function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle="抱歉，您所在的角色无权访问此页面。如需办理，请联系系统管理员。"
      extra={<Button type="primary" onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}
