import { PrinterOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import type { IssuedAccountFieldsFragment } from '@/gql/graphql';
import { AccountNotice } from '@/features/users/components/AccountNotice';

export interface Issued {
  issued: IssuedAccountFieldsFragment;
  issuedAt: string;
}

/** Shows the 开户通知 of an account just opened, with printing; closing it forgets the password. */
export function IssuedAccountModal({ value, onClose }: { value: Issued | null; onClose: () => void }) {
  return (
    <Modal
      open={!!value}
      title="账号已开设"
      rootClassName="account-notice-modal"
      width={640}
      maskClosable={false}
      keyboard={false}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="print" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印开户通知
        </Button>,
        <Button key="done" type="primary" onClick={onClose}>
          已交付，关闭
        </Button>,
      ]}
    >
      {value && <AccountNotice issued={value.issued} issuedAt={value.issuedAt} />}
    </Modal>
  );
}
