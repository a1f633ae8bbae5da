import { Button, Card, Col, Row, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { Role } from '@evs/schema';
import { ActivityStatusTag } from '@/features/activities/components/ActivityBits';
import { DeadlineTags } from '@/features/deadlines/components/DeadlineTags';
import { OnDutyCard } from '@/features/training/components/OnDutyCard';
import { PostsCard } from '@/features/training/components/PostsCard';
import { RecordResultsModal } from '@/features/training/components/RecordResultsModal';
import { ScheduleTrainingModal } from '@/features/training/components/ScheduleTrainingModal';
import { TraineesCard } from '@/features/training/components/TraineesCard';
import { TrainingSessionsCard } from '@/features/training/components/TrainingSessionsCard';
import { useResultsDialog } from '@/features/training/hooks/useResultsDialog';
import { useScheduleDialog } from '@/features/training/hooks/useScheduleDialog';
import { useTraining } from '@/features/training/hooks/useTraining';
import { inTrainingStage, sessionsChangeable } from '@/features/training/training';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

/**
 * 岗前培训 of one activity (seed step 四): sessions between the 批示 and the event, a score for each
 * of the three subjects, and how far the on-duty roster is. A guard is on duty after passing all
 * three subjects, in one session or several. Sessions change or are cancelled only before they start;
 * their results are recorded once they have begun.
 */
export default function TrainingPage() {
  const { activityId = '' } = useParams();
  const officer = useRole() === Role.SECURITY_DETACHMENT;
  const { activity: a, training: t, loading, error, refetchOverview, refetchAll } = useTraining(activityId);
  // Who may be put in a new session: not yet passed, and not booked in one whose results are not in (the server refuses those).
  const waiting = t?.trainees.filter((x) => x.standing !== 'PASSED' && x.standing !== 'SCHEDULED') ?? [];
  const schedule = useScheduleDialog(a?.startsAt, waiting);
  const results = useResultsDialog();

  if (loading) return <PageContainer><Card><Skeleton active /></Card></PageContainer>;
  if (!a || !t) return <PageContainer title="岗前培训"><ErrorAlert error={error} /></PageContainer>;
  const canSchedule = officer && inTrainingStage(a.status) && dayjs().isBefore(a.startsAt);
  const liveSessions = t.sessions.filter((s) => !s.cancelledAt);

  return (
    <PageContainer
      title={`岗前培训：${a.name}`}
      subTitle={<><ActivityStatusTag status={a.status} /> {a.selectedCompany?.name}</>}
      extra={
        <>
          <Link to={`/timeline/${a.id}`}><Button>台账</Button></Link>
          {canSchedule && liveSessions.length > 0 && waiting.length > 0 && <Button onClick={() => schedule.open('makeup')}>安排补训</Button>}
          {canSchedule && <Button type="primary" onClick={() => schedule.open('main')} disabled={waiting.length === 0}>安排培训</Button>}
          {a.status === 'READY' || a.status === 'IN_PROGRESS' ? <Link to={`/inspections/${a.id}`}><Button type="primary">现场监管</Button></Link> : null}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <OnDutyCard training={t} />
          <Card title="截止时间" variant="borderless" style={{ marginTop: 16 }}>
            <DeadlineTags stages={a.deadlines.stages} daysUntilStart={a.deadlines.daysUntilStart} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <TrainingSessionsCard sessions={t.sessions} manage={officer && inTrainingStage(a.status)} arrange={officer && sessionsChangeable(a.status)} onRecord={results.open} onEdit={schedule.open} onCancelled={refetchOverview} />
          <TraineesCard trainees={t.trainees} />
          <PostsCard activityId={a.id} securityMode={a.securityMode} status={a.status} companyId={a.selectedCompany?.id ?? null} />
        </Col>
      </Row>
      <ScheduleTrainingModal dialog={schedule} activity={a} waiting={waiting} onSaved={refetchOverview} />
      <RecordResultsModal dialog={results} onSaved={refetchAll} />
    </PageContainer>
  );
}
