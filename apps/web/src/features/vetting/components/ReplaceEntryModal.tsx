import { Modal } from 'antd';
import type { RosterState } from '@/features/vetting/hooks/useRoster';
import { CandidatePicker } from './CandidatePicker';

/** 替换未通过人员: one eligible guard from the register takes the failed guard's place. */
export function ReplaceEntryModal({ roster }: { roster: RosterState }) {
  const { replaced, activityId } = roster;
  return (
    <Modal
      title={replaced ? `替换未通过人员：${replaced.name}` : ''}
      open={!!replaced}
      onCancel={roster.cancelReplace}
      onOk={roster.confirmReplace}
      okText="替换"
      okButtonProps={{ disabled: !roster.replacement.length, loading: roster.replacing }}
      width={720}
      destroyOnHidden
    >
      {replaced && activityId && <CandidatePicker activityId={activityId} selected={roster.replacement} onChange={roster.setReplacement} single />}
    </Modal>
  );
}
