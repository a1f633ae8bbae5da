import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Role } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { applyFieldErrors } from '@/shared/errors';
import { formatDateTime, toApiDate } from '@/shared/format';
import { MultilineText } from '@/shared/MultilineText';
import { notAfterToday } from '@/shared/dateRules';
import { useSession } from '@/shared/session';
import type { GuardDetail } from '../guardForm';
import { CancelRevocationMutation, CorrectRevocationMutation } from '../operations';

export type Revocation = GuardDetail['revocations'][number];

/** What the modal does: 更正 (date, reason, number, and why) or 撤销（录入错误）(with the reason). */
export type RevocationAction = { kind: 'correct' | 'cancel'; revocation: Revocation };

interface CorrectValues {
  date: Dayjs | null;
  certificateNo?: string;
  reason: string;
  note: string;
}

interface CancelValues {
  reason: string;
}

/** The guard's detail is read again after a change: its eligibility follows the revocations. */
const REFETCH = ['GuardDetail'];

/**
 * 更正 or 撤销（录入错误）of one revocation (保安管理支队). The server's refusals show under the fields they
 * name (a date in the future or before the certificate was issued, a second revocation of one certificate),
 * the rest above the form.
 */
export function RevocationModal({ action, certificateIssuedOn, onClose }: { action: RevocationAction | null; certificateIssuedOn?: string | null; onClose: () => void }) {
  const { message } = App.useApp();
  const [correctForm] = Form.useForm<CorrectValues>();
  const [cancelForm] = Form.useForm<CancelValues>();
  const [correct, correcting] = useMutation(CorrectRevocationMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [cancel, cancelling] = useMutation(CancelRevocationMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const r = action?.revocation;
  const isCorrection = action?.kind === 'correct';
  const error = isCorrection ? correcting.error : cancelling.error;

  const close = () => {
    correcting.reset();
    cancelling.reset();
    onClose();
  };

  const submit = async () => {
    if (!r) return;
    if (isCorrection) {
      const v = await correctForm.validateFields().catch(() => null);
      if (!v) return; // the form shows why
      try {
        await correct({
          variables: { id: r.id, date: toApiDate(v.date!), reason: v.reason, note: v.note, certificateNo: v.certificateNo?.trim() || null },
        });
        message.success('吊销记录已更正');
        close();
      } catch (e) {
        applyFieldErrors(correctForm, e);
      }
    } else {
      const v = await cancelForm.validateFields().catch(() => null);
      if (!v) return;
      try {
        await cancel({ variables: { id: r.id, reason: v.reason } });
        message.success('吊销记录已撤销');
        close();
      } catch (e) {
        applyFieldErrors(cancelForm, e);
      }
    }
  };

  return (
    <Modal
      title={isCorrection ? '更正吊销记录' : '撤销吊销记录（录入错误）'}
      open={!!action}
      onCancel={close}
      onOk={submit}
      okText={isCorrection ? '保存更正' : '确认撤销'}
      okButtonProps={{ danger: !isCorrection }}
      cancelText="返回"
      confirmLoading={correcting.loading || cancelling.loading}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      {r && isCorrection && (
        <Form<CorrectValues>
          form={correctForm}
          name="correctRevocation"
          layout="vertical"
          preserve={false}
          initialValues={{ date: dayjs(r.revokedOn), certificateNo: r.certificateNo ?? '', reason: r.reason ?? '', note: '' }}
        >
          <Form.Item
            name="date"
            label="吊销日期"
            rules={[{ required: true, message: '请选择吊销日期' }, notAfterToday('吊销日期')]}
            extra={certificateIssuedOn ? `现持保安员证发证日期：${certificateIssuedOn}` : undefined}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="certificateNo" label="被吊销的保安员证号" extra={r.certificateNo ? undefined : '原记录未登记证号；留空为不变'}>
            <Input maxLength={40} placeholder="留空为不变" />
          </Form.Item>
          <Form.Item name="reason" label="吊销原因" rules={[{ required: true, whitespace: true, message: '请填写吊销原因' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="note" label="更正说明" rules={[{ required: true, whitespace: true, message: '请填写更正说明（为何更正）' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：录入时日期错一天，以吊销决定书为准" />
          </Form.Item>
        </Form>
      )}
      {r && !isCorrection && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`撤销 ${r.revokedOn} 的吊销记录（证号${r.certificateNo ?? '未登记'}）`}
            description="仅用于录入错误（如重复录入、录错人员）。撤销后记录保留，但不再计入条例第十七条；日期或原因有误请用“更正”。"
          />
          <Form<CancelValues> form={cancelForm} name="cancelRevocation" layout="vertical" preserve={false}>
            <Form.Item name="reason" label="撤销原因" rules={[{ required: true, whitespace: true, message: '请填写撤销原因' }]}>
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：与前一日的记录为同一次吊销，重复录入" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

/**
 * The person's 保安员证 revocations, each with the certificate revoked; 保安管理支队 corrects one (更正) or
 * cancels one entered in error (撤销), and sees the cancelled ones (others never get them).
 */
export function Revocations({ guard: g }: { guard: Pick<GuardDetail, 'revocations' | 'certificateIssuedOn'> }) {
  const session = useSession();
  const isDetachment = session.role === Role.SECURITY_DETACHMENT;
  const [action, setAction] = useState<RevocationAction | null>(null);
  if (!g.revocations.length) return null;
  const inForce = g.revocations.some((r) => !r.cancelledAt);
  return (
    <>
      <Alert
        type={inForce ? 'error' : 'info'}
        style={{ marginBottom: 16 }}
        title="保安员证吊销记录"
        data-testid="revocations"
        description={g.revocations.map((r) => (
          <Flex key={r.id} gap={8} wrap align="baseline" style={{ padding: '4px 0' }} data-testid={`revocation-${r.id}`}>
            <Typography.Text delete={!!r.cancelledAt}>{r.revokedOn}</Typography.Text>
            <Typography.Text type="secondary">证号：{r.certificateNo ?? '未登记'}</Typography.Text>
            {r.reason && <MultilineText>{r.reason}</MultilineText>}
            {r.correctedAt && !r.cancelledAt && (
              <Tag color="blue" title={r.correctionNote ?? undefined}>
                已更正（{formatDateTime(r.correctedAt)}）{r.correctionNote ? `：${r.correctionNote}` : ''}
              </Tag>
            )}
            {r.cancelledAt && (
              <Tag>
                已撤销（录入错误，{formatDateTime(r.cancelledAt)}）{r.cancelReason ? `：${r.cancelReason}` : ''}
              </Tag>
            )}
            {isDetachment && !r.cancelledAt && (
              <Space size={4}>
                <Button size="small" onClick={() => setAction({ kind: 'correct', revocation: r })}>更正</Button>
                <Button size="small" danger onClick={() => setAction({ kind: 'cancel', revocation: r })}>撤销（录入错误）</Button>
              </Space>
            )}
          </Flex>
        ))}
      />
      {isDetachment && <RevocationModal action={action} certificateIssuedOn={g.certificateIssuedOn} onClose={() => setAction(null)} />}
    </>
  );
}
