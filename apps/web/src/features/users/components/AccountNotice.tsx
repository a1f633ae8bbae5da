import { Alert, Descriptions, Typography } from 'antd';
import { Role, roleLabels } from '@evs/schema';
import type { IssuedAccountFieldsFragment } from '@/gql/graphql';
import { labelOf } from '@/shared/labels';
import { useSession } from '@/shared/session';
import '@/features/users/components/accounts.css';
import { formatDateTime } from '@/shared/format';

/**
 * 开户通知: what the officer hands to a new account's holder, on screen once and on paper. The
 * password exists only in this answer of the server (it keeps a hash); closing the window loses it.
 */
export function AccountNotice({ issued, issuedAt }: { issued: IssuedAccountFieldsFragment; issuedAt: string }) {
  const session = useSession();
  const { account, initialPassword } = issued;
  return (
    <div className="account-notice" data-testid="account-notice">
      <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
        开户通知
      </Typography.Title>
      <Typography.Paragraph>
        {account.unit.name}：已为贵单位开设大型活动安保前置审核系统账号，信息如下。
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 120 } }}
        items={[
          { label: '单位', children: account.unit.name },
          { label: '使用人', children: account.displayName },
          { label: '角色', children: labelOf(roleLabels, account.role as Role) },
          { label: '登录地址', children: window.location.origin },
          {
            label: '用户名',
            children: (
              <Typography.Text strong copyable={{ text: account.username }}>
                <span data-testid="issued-username">{account.username}</span>
              </Typography.Text>
            ),
          },
          {
            label: '初始密码',
            children: (
              <Typography.Text strong code copyable={{ text: initialPassword }} style={{ fontSize: 16 }}>
                <span data-testid="issued-password">{initialPassword}</span>
              </Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        首次登录后须立即修改密码，修改前不能办理任何业务。请妥善保管，不要转交他人；如遗失，请联系开户单位重置。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        开户人：{session.displayName}（{session.unit.name}）　开户时间：{formatDateTime(issuedAt)}
      </Typography.Paragraph>
      <Alert
        className="no-print"
        type="warning"
        showIcon
        title="初始密码只显示这一次，系统不保存明文。请现在打印或抄交使用人；关闭后无法再次查看。"
      />
    </div>
  );
}
