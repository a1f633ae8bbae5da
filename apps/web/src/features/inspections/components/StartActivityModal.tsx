import { useMutation } from '@apollo/client/react';
import { App, Modal } from 'antd';
import { useRef } from 'react';
import { StartActivityMutation } from '@/features/inspections/operations';
import { errorMessage } from '@/shared/errors';

/** 活动开始: asked first (it cannot be undone, and the company and the organiser are told). */
export function StartActivityModal({ activityId, open, onClose, onStarted }: { activityId: string; open: boolean; onClose: () => void; onStarted: () => Promise<unknown> }) {
  const { message } = App.useApp();
  const [start, state] = useMutation(StartActivityMutation);
  // sent once, however fast the second tap
  const submitting = useRef(false);
  return (
    <Modal
      open={open}
      title="活动开始，进入现场监管？"
      okText="确认开始"
      cancelText="取消"
      confirmLoading={state.loading}
      onCancel={onClose}
      onOk={async () => {
        if (submitting.current) return;
        submitting.current = true;
        try {
          await start({ variables: { id: activityId } });
          message.success('活动已开始，可以开始现场检查');
          onClose();
          await onStarted();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          submitting.current = false;
        }
      }}
      destroyOnHidden
    >
      确认后活动转为“进行中”，开始现场检查；保安服务公司和主办单位将收到通知。此操作不能撤销。
    </Modal>
  );
}
