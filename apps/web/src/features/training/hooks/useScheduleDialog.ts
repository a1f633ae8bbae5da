import { Form } from 'antd';
import { useState } from 'react';
import { scheduleFormValues, type ScheduleKind, type ScheduleValues, type Trainee } from '../training';
import { serverNow } from '@/shared/clock';

/** The schedule dialog: closed, or open for a new session, a 补训, or changing a session (filled in on opening). */
export function useScheduleDialog(activityStartsAt: string | undefined, waiting: Pick<Trainee, 'rosterEntryId'>[]) {
  const [form] = Form.useForm<ScheduleValues>();
  const [kind, setKind] = useState<ScheduleKind | false>(false);
  const open = (next: ScheduleKind) => {
    form.resetFields();
    form.setFieldsValue(scheduleFormValues(next, serverNow(), activityStartsAt ?? '', waiting));
    setKind(next);
  };
  return { form, kind, open, close: () => setKind(false) };
}

export type ScheduleDialog = ReturnType<typeof useScheduleDialog>;
