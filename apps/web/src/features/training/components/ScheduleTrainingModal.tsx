import { useMutation } from '@apollo/client/react';
import { App, Checkbox, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { personNameProblem, trainingTopicLabels } from '@evs/schema';
import { applyFieldErrors, errorMessage } from '@/shared/errors';
import { formatDateTime } from '@/shared/format';
import { NumberInput } from '@/shared/NumberInput';
import type { ScheduleDialog } from '../hooks/useScheduleDialog';
import { ScheduleTrainingMutation, UpdateTrainingSessionMutation } from '../operations';
import { sessionInput, standingLabels, TOPICS, type ScheduleValues, type Trainee } from '../training';

interface Props {
  dialog: ScheduleDialog;
  activity: { id: string; startsAt: string };
  waiting: Trainee[];
  onSaved: () => Promise<unknown>;
}

/** The instructor is a person: the shared rule of a person's name (“··”, “=1+1” and “ㅤㅤ” are none). */
const instructorRule = {
  validator: async (_: unknown, v?: string) => {
    const p = personNameProblem(v ?? '', '授课人');
    if (p) throw new Error(p);
  },
};

/** 安排岗前培训, 安排补训 and 修改培训安排: time, place, instructor, subjects, periods and (for a new session) who attends. */
export function ScheduleTrainingModal({ dialog, activity, waiting, onSaved }: Props) {
  const { message } = App.useApp();
  const [schedule, scheduling] = useMutation(ScheduleTrainingMutation);
  const [update, updating] = useMutation(UpdateTrainingSessionMutation);
  const { form, kind } = dialog;
  const editing = typeof kind === 'object' ? kind : null;

  const submit = async (v: ScheduleValues) => {
    try {
      if (editing) {
        await update({ variables: { id: editing.id, input: sessionInput(v), expectedVersion: editing.version } });
        message.success('已修改培训安排，并通知保安服务公司');
      } else {
        await schedule({ variables: { activityId: activity.id, input: { ...sessionInput(v), isMakeup: kind === 'makeup', rosterEntryIds: v.rosterEntryIds } } });
        message.success('已安排培训，并通知保安服务公司');
      }
      dialog.close();
      await onSaved();
    } catch (e) {
      const rest = applyFieldErrors(form, e);
      message.error(rest.length ? errorMessage(e) : '请检查标出的项目');
    }
  };

  return (
    <Modal
      open={!!kind}
      title={editing ? '修改培训安排' : kind === 'makeup' ? '安排补训' : '安排岗前培训'}
      okText={editing ? '保存修改' : '安排'}
      confirmLoading={scheduling.loading || updating.loading}
      onCancel={dialog.close}
      onOk={() => form.submit()}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">
        培训时间应在现在至活动开始（{formatDateTime(activity.startsAt)}）之间。未合格科目的人员可在补训中只培训所缺科目。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="startsAt" label="培训时间" rules={[{ required: true, message: '请选择培训时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="培训地点" rules={[{ required: true, whitespace: true, message: '请填写培训地点' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="instructor" label="授课人" rules={[instructorRule]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="topics" label="培训科目" rules={[{ required: true, message: '请至少选择一个培训科目' }]}>
          <Checkbox.Group options={TOPICS.map((x) => ({ value: x, label: trainingTopicLabels[x] }))} />
        </Form.Item>
        <Form.Item
          name="periods"
          label="学时（每学时45分钟）"
          rules={[
            { required: true, message: '请填写学时' },
            { type: 'integer', min: 1, max: 40, message: '学时应为1到40之间的整数' },
          ]}
        >
          <NumberInput integer style={{ width: 160 }} />
        </Form.Item>
        {!editing && (
          <Form.Item name="rosterEntryIds" label="参训人员" extra="默认为全部已通过审核、尚未三科合格的人员">
            <Select mode="multiple" allowClear maxTagCount="responsive" options={waiting.map((x) => ({ value: x.rosterEntryId, label: `${x.guardName}（${standingLabels[x.standing]?.text}）` }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
