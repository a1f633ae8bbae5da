import { Form, Input, Modal, Typography } from 'antd';
import { quoteProblem } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { NumberInput, type NumberInputValue } from '@/shared/NumberInput';
import type { ComparisonState } from '../hooks/useComparison';

/** 填报报价 and 遴选 (with its reason) for the candidate chosen in the comparison table. */
export function ComparisonDialogs({ state }: { state: ComparisonState }) {
  const { quote, select, dialogError } = state;
  return (
    <>
      <Modal title={`填报报价：${quote.candidate?.companyName ?? ''}`} open={!!quote.candidate} onCancel={quote.close} onOk={quote.save} okText="保存" confirmLoading={quote.saving} destroyOnHidden>
        <ErrorAlert error={dialogError} style={{ marginBottom: 12 }} />
        <Form form={quote.form} layout="vertical" preserve={false}>
          <Form.Item
            name="amount"
            label="报价（元）"
            rules={[
              { required: true, message: '请填写报价' },
              {
                validator: (_, v: NumberInputValue | undefined) => {
                  const problem = v == null ? null : typeof v === 'number' ? quoteProblem(v) : '报价应为数字（元）';
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <NumberInput style={{ width: '100%' }} placeholder="如 96000" />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={500} placeholder="如：含交通、餐费" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={`遴选：${select.candidate?.companyName ?? ''}`}
        open={!!select.candidate}
        onCancel={select.close}
        onOk={select.confirm}
        okText="确认遴选"
        confirmLoading={select.saving}
        destroyOnHidden
      >
        <ErrorAlert error={dialogError} style={{ marginBottom: 12 }} />
        <Typography.Paragraph type="secondary">遴选后将通知中选公司报送保安员名单，并通报保安管理支队；遴选后不能更改。</Typography.Paragraph>
        <Form form={select.form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="遴选理由" rules={[{ required: true, whitespace: true, message: '请填写遴选理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder="如：可用保安员充足，年龄结构年轻，报价合理" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
