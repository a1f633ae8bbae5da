import { Form, Input, Modal, Select } from 'antd';
import { VettingReasonCategory, vettingReasonCategoryLabels } from '@evs/schema';
import type { VettingWorkbench } from '@/features/vetting/hooks/useVettingWorkbench';

/** 审核通过 / 不通过 for one entry or the selection: the reason category the company sees, the note only the detachment sees. */
export function DecisionModal({ wb }: { wb: VettingWorkbench }) {
  const { deciding } = wb;
  return (
    <Modal
      title={deciding ? `${deciding.decision === 'PASSED' ? '审核通过' : '审核不通过'}：${deciding.names}` : ''}
      open={!!deciding}
      onCancel={wb.cancelDecision}
      onOk={wb.submitDecision}
      okText="确定"
      okButtonProps={{ danger: deciding?.decision === 'FAILED', loading: wb.submitting }}
      destroyOnHidden
      forceRender
    >
      <Form form={wb.form} layout="vertical">
        {deciding?.decision === 'FAILED' && (
          <Form.Item name="reasonCategory" label="原因类别（公司可见）" rules={[{ required: true, message: '请选择原因类别' }]}>
            <Select options={Object.values(VettingReasonCategory).filter((c) => c !== VettingReasonCategory.CLEAR).map((c) => ({ value: c, label: vettingReasonCategoryLabels[c] }))} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label="审核意见（仅保安管理支队可见）"
          extra={deciding?.decision === 'PASSED' ? '比中记录仍予通过时必须填写' : undefined}
          rules={deciding?.decision === 'FAILED' ? [{ required: true, message: '请填写审核意见' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
