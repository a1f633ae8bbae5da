import { Button, Form, Input, Modal, type FormInstance } from 'antd';

export type Decision = 'approve' | 'cancel';

interface Props {
  decision: Decision | null;
  form: FormInstance<{ text: string }>;
  approving: boolean;
  cancelling: boolean;
  onClose: () => void;
  onReturn: (reason: string) => Promise<void>;
  onApprove: (note: string | undefined) => Promise<void>;
  onCancelActivity: (reason: string) => Promise<void>;
}

/** The leader's 批示 (同意, or 退回 with a reason) and the cancellation of an activity (with its reason). */
export function DecisionModal({ decision, form, approving, cancelling, onClose, onReturn, onApprove, onCancelActivity }: Props) {
  return (
    <Modal
      title={decision === 'approve' ? '领导批示' : '取消活动'}
      open={decision !== null}
      onCancel={onClose}
      destroyOnHidden
      footer={
        decision === 'approve'
          ? [
              <Button
                key="back"
                danger
                loading={approving}
                onClick={async () => {
                  const { text } = await form.validateFields();
                  if (!text?.trim()) {
                    form.setFields([{ name: 'text', errors: ['退回须写明原因'] }]);
                    return;
                  }
                  await onReturn(text);
                }}
              >
                退回修改
              </Button>,
              <Button
                key="ok"
                type="primary"
                loading={approving}
                onClick={async () => {
                  const { text } = await form.validateFields();
                  await onApprove(text);
                }}
              >
                同意
              </Button>,
            ]
          : [
              <Button key="close" onClick={onClose}>
                返回
              </Button>,
              <Button
                key="ok"
                danger
                type="primary"
                loading={cancelling}
                onClick={async () => {
                  const { text } = await form.validateFields();
                  await onCancelActivity(text);
                }}
              >
                确认取消
              </Button>,
            ]
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={decision === 'approve' ? '批示意见（同意时可留空；退回时必填）' : '取消原因'}
          rules={decision === 'cancel' ? [{ required: true, whitespace: true, message: '请填写取消原因' }] : []}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={decision === 'approve' ? '如：同意，请保安管理支队按规模推荐候选公司' : ''} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
