import { useMutation } from '@apollo/client/react';
import { App, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { mergeSummary, mergeTargets, type AdminUnit } from '../accounts';
import { MergeOrganizerUnitsMutation } from '../operations';

/** 合并重复的主办单位: the duplicate's accounts, activities, notifications and self-recruited guards move to the unit kept. */
export function MergeUnitsModal({ source, units, onClose, onMerged }: { source: AdminUnit | null; units: AdminUnit[]; onClose(): void; onMerged(): void }) {
  const { message } = App.useApp();
  const [targetId, setTargetId] = useState<string>();
  const [merge, { loading, error, reset }] = useMutation(MergeOrganizerUnitsMutation);
  const submit = async () => {
    if (!source || !targetId) return;
    try {
      const r = (await merge({ variables: { sourceId: source.id, targetId } })).data!.mergeOrganizerUnits;
      message.success(mergeSummary(r));
      setTargetId(undefined);
      onMerged();
    } catch {
      /* shown in the alert */
    }
  };
  return (
    <Modal
      title={source ? `合并重复的主办单位：${source.name}` : ''}
      open={!!source}
      okText="合并"
      okButtonProps={{ danger: true, disabled: !targetId }}
      confirmLoading={loading}
      onOk={submit}
      onCancel={() => { reset(); setTargetId(undefined); onClose(); }}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>
        “{source?.name}”的账号、活动、站内通知和自招保安员名册将并入所选单位，原单位停用并标记为已并入。此操作不可撤销，记入审计日志。
      </Typography.Paragraph>
      <Select
        aria-label="并入的单位"
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder="选择保留的主办单位"
        value={targetId}
        onChange={setTargetId}
        options={mergeTargets(units, source?.id)}
      />
    </Modal>
  );
}
