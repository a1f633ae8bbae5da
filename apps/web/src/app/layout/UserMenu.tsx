import { KeyOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Dropdown, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { roleLabels } from '@evs/schema';
import { useLogout } from '@/features/auth/hooks/useLogout';
import { useSession } from '@/shared/session';

export function UserMenu({ compact }: { compact: boolean }) {
  const me = useSession();
  const navigate = useNavigate();
  const { logout } = useLogout();

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      autoFocus
      menu={{
        items: [
          { key: 'who', disabled: true, label: <Typography.Text type="secondary">{me.unit.name}</Typography.Text> },
          { type: 'divider' },
          { key: 'security', icon: <SafetyCertificateOutlined />, label: '账号安全', onClick: () => navigate('/account') },
          { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/change-password') },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, onClick: () => void logout() },
        ],
      }}
    >
      <button type="button" className="header-action" data-testid="user-menu" aria-haspopup="menu">
        {/* plain markup: antd's Avatar measures its text after every render (a forced layout) */}
        <span className="user-initials" aria-hidden>
          {me.displayName.slice(-2)}
        </span>
        <span style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3, minWidth: 0 }}>
          <span data-testid="user-name" style={{ fontWeight: 500 }}>
            {me.displayName}
          </span>
          {!compact && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {me.unit.name}
            </Typography.Text>
          )}
        </span>
        {!compact && <Tag color="blue" style={{ marginInlineEnd: 0 }}>{roleLabels[me.role]}</Tag>}
      </button>
    </Dropdown>
  );
}
