import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { CorrectFindingMutation } from '@/features/inspections/operations';
import { errorMessage } from '@/shared/errors';
import { serverNow } from '@/shared/clock';

/** 登记纠正: what was done about a finding, and when. */
export function CorrectFindingModal({ findingId, onClose, onCorrected }: { findingId: string | null; onClose: () => void; onCorrected: () => Promise<unknown> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string; at: dayjs.Dayjs }>();
  const [correct, state] = useMutation(CorrectFindingMutation);
  return (
    <Modal
      open={!!findingId}
      title="登记纠正"
      okText="确认纠正"
      confirmLoading={state.loading}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" size="large" initialValues={{ note: '', at: serverNow() }} onFinish={async (v) => {
        try {
          await correct({ variables: { findingId: findingId!, note: v.note, correctedAt: v.at.toISOString() } });
          message.success('已登记纠正');
          onClose();
          await onCorrected();
        } catch (e) {
          message.error(errorMessage(e));
        }
      }}>
        <Form.Item name="note" label="纠正情况" rules={[{ required: true, whitespace: true, message: '请填写纠正情况' }]}>
          <Input.TextArea rows={3} maxLength={1000} placeholder="如：已当场佩戴保安服务标志" />
        </Form.Item>
        <Form.Item name="at" label="纠正时间" rules={[{ required: true, message: '请选择纠正时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}
