import { useApolloClient, useMutation } from '@apollo/client/react';
import type { ApolloCache, TypedDocumentNode } from '@apollo/client';
import { App, Button, Flex, Form, Input, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import type { Finding } from '@/features/inspections/checklist';
import { CorrectFindingMutation } from '@/features/inspections/operations';
import { correctionInstant, endOfBeijingDayInput, toBeijingInput } from '@/features/inspections/correctionTime';
import { applyFieldErrors, errorMessage, fieldErrors } from '@/shared/errors';
import { serverNowMs } from '@/shared/clock';
import { formatDateTime } from '@/shared/format';

/** A finding's type in the schema (and in Apollo's cache), as the findings query has it. */
const FINDING_TYPENAME: Finding['__typename'] = 'InspectionFinding';

/**
 * The finding's time, from the findings the screen has loaded (Apollo's cache): a correction cannot
 * precede it. Written out as the generated documents are (`src/gql/graphql.ts`), for this one field.
 */
const FINDING_RECORDED_AT = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CorrectFindingRecordedAt' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: FINDING_TYPENAME } },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } }] },
    },
  ],
} as unknown as TypedDocumentNode<{ recordedAt: string }, Record<string, never>>;

interface CorrectForm {
  note: string;
  /** `YYYY-MM-DDTHH:mm`, Beijing time (`correctionTime.ts`). */
  correctedAt: string;
}

/**
 * 登记纠正: what was done about a finding, and when. The time is the phone's own date-and-time picker
 * (it fits a 360 px screen), now by default; it may not be in the future nor before the finding.
 */
export function CorrectFindingModal({ findingId, onClose, onCorrected }: { findingId: string | null; onClose: () => void; onCorrected: () => Promise<unknown> }) {
  return (
    // the buttons are the form's own (below): each opening is a fresh form, with its own busy state
    <Modal open={!!findingId} title="登记纠正" onCancel={onClose} destroyOnHidden footer={null}>
      {findingId && <CorrectionForm key={findingId} findingId={findingId} onClose={onClose} onCorrected={onCorrected} />}
    </Modal>
  );
}

function CorrectionForm({ findingId, onClose, onCorrected }: { findingId: string; onClose: () => void; onCorrected: () => Promise<unknown> }) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<CorrectForm>();
  const [correct] = useMutation(CorrectFindingMutation);
  // a ref as well as the state: a double tap's second submit comes before the button shows it is busy
  const submitting = useRef(false);
  const [saving, setSaving] = useState(false);
  const [found] = useState(() => findingTime(client.cache, findingId));
  const [opened] = useState(serverNowMs);

  const submit = async (v: CorrectForm) => {
    if (submitting.current) return;
    const when = correctionInstant(v.correctedAt, serverNowMs(), found);
    if ('error' in when) {
      form.setFields([{ name: 'correctedAt', errors: [when.error] }]);
      return;
    }
    submitting.current = true;
    setSaving(true);
    try {
      await correct({ variables: { findingId, note: v.note, correctedAt: new Date(when.at).toISOString() } });
      message.success('已登记纠正');
      onClose();
      await onCorrected();
    } catch (e) {
      submitting.current = false;
      setSaving(false);
      // the server's reasons about a field (e.g. 纠正时间不能早于发现时间) go under it; the rest in a message
      const rest = applyFieldErrors(form, e);
      if (rest.length || !fieldErrors(e).length) message.error(errorMessage(e));
    }
  };

  return (
    <Form<CorrectForm>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ note: '', correctedAt: toBeijingInput(opened) }}
      onFinish={submit}
    >
      <Form.Item name="note" label="纠正情况" rules={[{ required: true, whitespace: true, message: '请填写纠正情况' }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder="如：已当场佩戴保安服务标志" />
      </Form.Item>
      <Form.Item label="纠正时间" required extra={found != null ? `发现时间 ${formatDateTime(found)}；默认为此刻` : '默认为此刻'}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="correctedAt"
            noStyle
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const when = correctionInstant(value, serverNowMs(), found);
                  if ('error' in when) throw new Error(when.error);
                },
              },
            ]}
          >
            <Input
              type="datetime-local"
              aria-label="纠正时间"
              // the phone's picker greys out later days and the days before the finding
              max={endOfBeijingDayInput(opened)}
              min={found != null ? toBeijingInput(found) : undefined}
              style={{ minWidth: 0 }}
            />
          </Form.Item>
          <Button onClick={() => form.setFieldValue('correctedAt', toBeijingInput(serverNowMs()))}>此刻</Button>
        </Space.Compact>
      </Form.Item>
      <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
        <Button onClick={onClose}>取消</Button>
        <Button type="primary" htmlType="submit" loading={saving}>确认纠正</Button>
      </Flex>
    </Form>
  );
}

/** When the finding was recorded, if the screen has it (its findings list), as an instant. */
function findingTime(cache: ApolloCache, findingId: string): number | null {
  try {
    const recordedAt = cache.readFragment({ id: cache.identify({ __typename: FINDING_TYPENAME, id: findingId }), fragment: FINDING_RECORDED_AT })?.recordedAt;
    const ms = recordedAt ? Date.parse(recordedAt) : NaN;
    return Number.isNaN(ms) ? null : ms;
  } catch {
    return null;
  }
}
