import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { mayOpen } from '@/app/routes';
import { activityActionsFor, isOpen, stagePagesFor } from '@/features/activities/activityDetail';
import { ActivityActions } from '@/features/activities/components/ActivityActions';
import { ActivityStatusTag, WarningsList } from '@/features/activities/components/ActivityBits';
import { ActivityInfoCard } from '@/features/activities/components/ActivityInfoCard';
import { InstructionRequestsCard } from '@/features/activities/components/InstructionRequestsCard';
import { InstructionWaitingAlert } from '@/features/activities/components/InstructionWaitingAlert';
import { SecurityPlanCard } from '@/features/activities/components/SecurityPlanCard';
import { StagePageLinks } from '@/features/activities/components/StagePageLinks';
import { ActivityDetailQuery } from '@/features/activities/operations';
import { DeadlineTags } from '@/features/deadlines/components/DeadlineTags';
import { CandidatesCard } from '@/features/recommendation/components/CandidatesCard';
import { NoticeList } from '@/features/supervision/components/Supervision';
import { TransitionsCard } from '@/features/timeline/components/TransitionsCard';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import { useSession } from '@/shared/session';

/** One activity: its fields, the security plan (条例第六条), derived tier and warnings, history, and the actions the role may take. */
export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const { data, loading, error, refetch } = useQuery(ActivityDetailQuery, { variables: { id } });
  const [actionError, setActionError] = useState<unknown>(null);

  if (loading && !data) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  const a = data?.activity;
  if (!a) return <PageContainer title="活动"><ErrorAlert error={error} /></PageContainer>;
  const may = activityActionsFor(session, a);
  const stagePages = stagePagesFor(a, (pattern) => mayOpen(session.role, pattern));

  return (
    <PageContainer
      title={a.name}
      subTitle={<Space size={6} wrap><ActivityStatusTag status={a.status} /><span>{a.code}</span></Space>}
      extra={<ActivityActions activity={a} onError={setActionError} onDone={refetch} />}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={actionError} />
        {a.status === 'DRAFT' && a.returnReason && <Typography.Text type="danger">领导退回：{a.returnReason}</Typography.Text>}
        {a.status === 'REPORTED' && <InstructionWaitingAlert requestedAt={a.requestedAt} />}
        {a.closeStatement && <Alert type="error" showIcon title="总结时仍有严重问题未纠正" description={a.closeStatement} data-testid="close-statement" />}
        <WarningsList warnings={a.warnings} />
        {stagePages.length > 0 && <StagePageLinks pages={stagePages} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <ActivityInfoCard activity={a} organizerAccounts={may.organizerAccounts} />
          </Col>
          <Col xs={24} lg={8}>
            {isOpen(a.status) && a.status !== 'DRAFT' && (
              <Card title="各阶段截止与责任单位" variant="borderless" style={{ marginBottom: 16 }}>
                <DeadlineTags stages={a.deadlines.stages} daysUntilStart={a.deadlines.daysUntilStart} />
              </Card>
            )}
            <TransitionsCard transitions={a.transitions} />
          </Col>
        </Row>
        <SecurityPlanCard plan={a.plan} />
        {a.instructionRequests.length > 0 && <InstructionRequestsCard requests={a.instructionRequests} />}
        {may.seesNotices && <Card title="督办通知" variant="borderless"><NoticeList filter={{ activityId: a.id }} /></Card>}
        {a.candidates.length > 0 && <CandidatesCard candidates={a.candidates} />}
      </Space>
    </PageContainer>
  );
}
