import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal, Rate, Typography } from 'antd';
import { useRef, useState } from 'react';
import { CloseActivityMutation } from '@/features/inspections/operations';
import { errorMessage } from '@/shared/errors';

interface Props {
  activityId: string;
  open: boolean;
  /** Checks still on the device. */
  waiting: number;
  /** Serious findings not corrected: the close then needs a written statement. */
  openSerious: number;
  onClose: () => void;
  onClosed: () => Promise<unknown>;
}

/** 活动总结: rating and evaluation (they count in the company's performance), and why serious findings stay open. */
export function CloseActivityModal({ activityId, open, waiting, openSerious, onClose, onClosed }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rating: number; text: string; uncorrectedStatement?: string }>();
  const [close] = useMutation(CloseActivityMutation);
  // sent once: a double tap's second submit comes (after the form's validation) before the button shows it is busy
  const submitting = useRef(false);
  const [saving, setSaving] = useState(false);
  return (
    <Modal open={open} title="活动总结" okText="确认总结" confirmLoading={saving} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {waiting > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`还有 ${waiting} 条检查记录待发送`} />}
      <Typography.Paragraph type="secondary">总结后活动结束，不能再登记检查；评价和现场问题计入公司以往表现，作为今后推荐的依据。此操作不能撤销。</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" onFinish={async (v) => {
        if (submitting.current) return;
        submitting.current = true;
        setSaving(true);
        try {
          await close({ variables: { id: activityId, input: { rating: v.rating, text: v.text, uncorrectedStatement: v.uncorrectedStatement?.trim() || null } } });
          message.success('活动已总结，评价已计入公司以往表现');
          onClose();
          await onClosed();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          submitting.current = false;
          setSaving(false);
        }
      }}>
        <Form.Item name="rating" label="评价等级" rules={[{ required: true, message: '请选择评价等级' }]}>
          <Rate count={5} style={{ fontSize: 32 }} />
        </Form.Item>
        <Form.Item name="text" label="总结评价" rules={[{ required: true, whitespace: true, message: '请填写总结评价' }]}>
          <Input.TextArea rows={4} maxLength={2000} placeholder="人员到岗、履职、问题及纠正情况" />
        </Form.Item>
        {openSerious > 0 && (
          <>
            <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`有 ${openSerious} 项严重问题尚未纠正`} description="须书面说明未纠正的原因及后续处理；说明记入台账，并在总览中标出。" />
            <Form.Item name="uncorrectedStatement" label="未纠正说明" rules={[{ required: true, whitespace: true, message: '请说明未纠正的原因及后续处理' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
