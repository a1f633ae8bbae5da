import { Alert, Form, Input, Modal, Select } from 'antd';
import { VettingReasonCategory, vettingReasonCategoryLabels } from '@evs/schema';
import type { VettingWorkbench } from '@/features/vetting/hooks/useVettingWorkbench';

/**
 * 审核通过 / 不通过 for one entry or the selection, or the withdrawal of a pass after vetting closed: the
 * reason category the company sees, the note only the detachment sees.
 */
export function DecisionModal({ wb }: { wb: VettingWorkbench }) {
  const { deciding } = wb;
  const verb = !deciding ? '' : deciding.withdraw ? '撤销通过（改为不通过）' : deciding.decision === 'PASSED' ? '审核通过' : '审核不通过';
  return (
    <Modal
      title={deciding ? `${verb}：${deciding.names}` : ''}
      open={!!deciding}
      onCancel={wb.cancelDecision}
      onOk={wb.submitDecision}
      okText="确定"
      okButtonProps={{ danger: deciding?.decision === 'FAILED', loading: wb.submitting }}
      destroyOnHidden
      forceRender
    >
      {deciding?.withdraw && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="背景审核已结束，撤销后该人员即不得上岗"
          description="公司将收到通知（只含原因类别）；审核通过人数少于所需时，背景审核重新开放，由公司替换人员。撤销后不能再改回通过。"
        />
      )}
      <Form form={wb.form} layout="vertical">
        {deciding?.decision === 'FAILED' && (
          <Form.Item name="reasonCategory" label="原因类别（公司可见）" rules={[{ required: true, message: '请选择原因类别' }]}>
            <Select options={Object.values(VettingReasonCategory).filter((c) => c !== VettingReasonCategory.CLEAR).map((c) => ({ value: c, label: vettingReasonCategoryLabels[c] }))} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label="审核意见（仅保安管理支队可见）"
          extra={deciding?.decision === 'PASSED' ? '比中记录、直系亲属未申报完整或比中后更改、此前审核不通过、身份证号更改的人员仍予通过时必须填写' : undefined}
          rules={deciding?.decision === 'FAILED' ? [{ required: true, message: '请填写审核意见' }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
