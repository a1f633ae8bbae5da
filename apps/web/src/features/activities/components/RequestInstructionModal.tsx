import { Form, Input, Modal, Typography, type FormInstance } from 'antd';
import { permitTierLabels } from '@evs/schema';
import { labelOf } from '@/shared/labels';
import { NumberInput } from '@/shared/NumberInput';
import type { ActivityDetail } from '../activityDetail';

export interface InstructionValues {
  scale: string;
  staffing: string;
  proposedCandidates: number;
  opinion?: string;
}

interface Props {
  activity: Pick<ActivityDetail, 'permitTier'>;
  form: FormInstance<InstructionValues>;
  open: boolean;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (values: InstructionValues) => Promise<void>;
}

/** 受理通报，向领导请示: the 保安管理支队's assessment of scale and staffing, answered by the leader's 批示. */
export function RequestInstructionModal({ activity, form, open, loading, onCancel, onSubmit }: Props) {
  return (
    <Modal title="受理通报，向领导请示" open={open} okText="提交请示" confirmLoading={loading} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        请示提交后，领导小组（领导批示）和领导小组办公室将同时收到；领导的批示答复本请示。许可层级：{labelOf(permitTierLabels, activity.permitTier)}。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="scale" label="规模研判" rules={[{ required: true, whitespace: true, message: '请填写规模研判' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="staffing" label="人员配备意见" rules={[{ required: true, whitespace: true, message: '请填写人员配备意见' }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="proposedCandidates"
          label="拟推荐候选公司（家）"
          rules={[
            { required: true, message: '请填写拟推荐家数' },
            { type: 'integer', min: 3, max: 20, message: '拟推荐候选公司应为3到20之间的整数（不少于3家）' },
          ]}
        >
          <NumberInput integer style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="opinion" label="其他意见">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
