import { useMutation } from '@apollo/client/react';
import { App, Button, Form } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { IssueNoticeModal, type NoticeTarget } from '@/features/supervision/components/Supervision';
import { errorMessage } from '@/shared/errors';
import { useSession } from '@/shared/session';
import { activityActionsFor, instructionDraft, type ActivityDetail } from '../activityDetail';
import { ApproveActivityMutation, CancelActivityMutation, ReportActivityMutation, RequestInstructionMutation } from '../operations';
import { DecisionModal, type Decision } from './DecisionModal';
import { RequestInstructionModal, type InstructionValues } from './RequestInstructionModal';

interface Props {
  activity: ActivityDetail;
  /** Called before each action with null, and with the failure when it fails (the page shows it). */
  onError: (error: unknown) => void;
  /** Called after an action succeeded: the page reloads the activity. */
  onDone: () => Promise<unknown>;
}

/** The buttons in the activity's header and their dialogs: edit, 通报, 受理并请示, 批示, 督办, 推荐, 比选, 取消. */
export function ActivityActions({ activity: a, onError, onDone }: Props) {
  const session = useSession();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [report, reporting] = useMutation(ReportActivityMutation);
  const [approve, approving] = useMutation(ApproveActivityMutation);
  const [cancel, cancelling] = useMutation(CancelActivityMutation);
  const [requestInstruction, requesting] = useMutation(RequestInstructionMutation);
  const [dialog, setDialog] = useState<Decision | 'request' | null>(null);
  const [noticeTarget, setNoticeTarget] = useState<NoticeTarget | null>(null);
  const [form] = Form.useForm<{ text: string }>();
  const [requestForm] = Form.useForm<InstructionValues>();
  const may = activityActionsFor(session, a);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    onError(null);
    try {
      await fn();
      message.success(done);
      setDialog(null);
      form.resetFields();
      await onDone();
    } catch (e) {
      onError(e);
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      {may.edit && <Button onClick={() => navigate(`/activities/${a.id}/edit`)}>修改</Button>}
      {may.report && (
        <Button
          type="primary"
          loading={reporting.loading}
          onClick={() =>
            modal.confirm({
              title: '通报此活动？',
              content: '通报后活动信息不能再修改（被领导退回时除外）；保安管理支队和领导小组办公室将立即收到通报，由保安管理支队受理并向领导请示。',
              okText: '确认通报',
              cancelText: '取消',
              onOk: () => run(() => report({ variables: { id: a.id, expectedVersion: a.version } }), '已通报保安管理支队和领导小组办公室'),
            })
          }
        >
          通报
        </Button>
      )}
      {may.requestInstruction && (
        <Button
          type="primary"
          onClick={() => {
            requestForm.setFieldsValue(instructionDraft(a));
            setDialog('request');
          }}
        >
          受理并请示
        </Button>
      )}
      {may.approve && (
        <Button type="primary" onClick={() => setDialog('approve')}>
          批示
        </Button>
      )}
      {may.issueNotice && a.deadlines.next && (
        <Button
          onClick={() =>
            setNoticeTarget({
              activityId: a.id,
              activityName: a.name,
              stage: a.deadlines.next!.stage,
              stageLabel: a.deadlines.next!.label,
              unitName: a.deadlines.next!.responsibleUnitName,
              dueOn: a.deadlines.next!.dueOn,
            })
          }
        >
          督办
        </Button>
      )}
      {may.recommend && (
        <Link to={`/candidates/${a.id}`}>
          <Button type="primary">推荐候选</Button>
        </Link>
      )}
      {may.compare && (
        <Link to={`/comparison/${a.id}`}>
          <Button type={may.compareIsNextStep ? 'primary' : 'default'}>候选比选</Button>
        </Link>
      )}
      {may.cancel && (
        <Button danger onClick={() => setDialog('cancel')}>
          取消活动
        </Button>
      )}

      <IssueNoticeModal target={noticeTarget} onClose={() => setNoticeTarget(null)} onIssued={() => void onDone()} />
      <RequestInstructionModal
        activity={a}
        form={requestForm}
        open={dialog === 'request'}
        loading={requesting.loading}
        onCancel={() => setDialog(null)}
        onSubmit={(v) =>
          run(
            () => requestInstruction({ variables: { id: a.id, input: { scale: v.scale, staffing: v.staffing, proposedCandidates: v.proposedCandidates, opinion: v.opinion || null } } }),
            '已向领导请示，并通报领导小组办公室',
          )
        }
      />
      <DecisionModal
        decision={dialog === 'approve' || dialog === 'cancel' ? dialog : null}
        form={form}
        approving={approving.loading}
        cancelling={cancelling.loading}
        onClose={() => setDialog(null)}
        onReturn={(text) => run(() => approve({ variables: { id: a.id, approved: false, note: text, expectedVersion: a.version } }), '已退回')}
        onApprove={(text) => run(() => approve({ variables: { id: a.id, approved: true, note: text || null, expectedVersion: a.version } }), '已批示同意')}
        onCancelActivity={(text) => run(() => cancel({ variables: { id: a.id, reason: text, expectedVersion: a.version } }), '活动已取消')}
      />
    </>
  );
}
