import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { Role } from '@evs/schema';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { useSession } from '@/shared/session';
import { useMyHome } from '../hooks/useMyHome';
import { CompanyHome } from './CompanyHome';
import { DetachmentQueue } from './DetachmentQueue';
import { HomeActivityList } from './HomeActivityList';
import { HomeCounts } from './HomeCounts';
import { HomeSection as Section } from './HomeSection';
import { OfficeHome } from './OfficeHome';
import './dashboard.css';

/** 督办通知 waiting for this unit's answer (every role). */
function NoticesToAnswer({ count }: { count: number }) {
  const navigate = useNavigate();
  if (count <= 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 16 }}
      data-testid="home-notices"
      title={`有 ${count} 条督办通知待本单位答复`}
      action={<Button size="small" type="primary" onClick={() => navigate('/supervision')}>去答复</Button>}
    />
  );
}

/** The role's own section under the counts. */
function RoleBody({ role, home }: { role: Role; home: NonNullable<ReturnType<typeof useMyHome>['home']> }) {
  const navigate = useNavigate();
  switch (role) {
    case Role.LEADER:
    case Role.OFFICE:
      return <OfficeHome home={home} />;
    case Role.SECURITY_DETACHMENT:
      return <DetachmentQueue />;
    case Role.DISTRICT_BUREAU:
    case Role.EVENT_DETACHMENT:
      return (
        <Section
          testId="home-activities"
          title={role === Role.DISTRICT_BUREAU ? '本辖区活动' : '全市活动'}
          extra={
            <Flex gap={8}>
              <Typography.Link onClick={() => navigate('/activities')}>全部</Typography.Link>
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')} data-testid="home-register">
                登记活动
              </Button>
            </Flex>
          }
        >
          <HomeActivityList items={home.activities} emptyText="还没有登记的活动：受理申请后点击“登记活动”" showVetting={false} />
        </Section>
      );
    case Role.ORGANIZER:
      return (
        <Section testId="home-activities" title="我的活动" extra={<Typography.Link onClick={() => navigate('/activities')}>全部</Typography.Link>}>
          <HomeActivityList items={home.activities} emptyText="本单位还没有登记的活动" showVetting />
        </Section>
      );
    case Role.COMPANY:
      return <CompanyHome home={home} />;
    default:
      return null;
  }
}

/** Each role's own figures and work, above the shell's entry cards (SPEC §6). */
export function RoleHome() {
  const me = useSession();
  const { home, loading, error } = useMyHome();
  if (error) return <ErrorAlert error={error} style={{ marginBottom: 16 }} />;
  if (!home) return loading ? <Card variant="borderless" style={{ marginBottom: 16 }}><Skeleton active /></Card> : null;

  return (
    <div style={{ marginBottom: 16 }} data-testid="role-home">
      {home.counts.length > 0 && <HomeCounts counts={home.counts} />}
      {/* every role's 督办 to answer, above its own section (not for the admin and others without a home) */}
      {[Role.LEADER, Role.OFFICE, Role.SECURITY_DETACHMENT, Role.DISTRICT_BUREAU, Role.EVENT_DETACHMENT, Role.ORGANIZER, Role.COMPANY].includes(me.role as Role) && (
        <NoticesToAnswer count={home.noticesToAnswer} />
      )}
      <RoleBody role={me.role as Role} home={home} />
    </div>
  );
}
