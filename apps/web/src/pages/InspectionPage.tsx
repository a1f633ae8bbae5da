import { Alert, Badge, Button, Flex, Segmented, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FindingList } from '@/features/inspections/components/FindingList';
import { OnDutyRoster } from '@/features/inspections/components/OnDutyRoster';
import { OnsiteHeader } from '@/features/inspections/components/OnsiteHeader';
import { OutboxList } from '@/features/inspections/components/OutboxList';
import { useInspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { formatDateTime } from '@/shared/format';
import '@/features/inspections/onsite.css';

// The checklist and the two dialogs (forms, date picker, rating) are a chunk of their own, asked for
// once the roster is on screen: the first screen on a phone needs none of them. The service worker
// keeps this chunk with the page's own (vite.config.ts), so they open in a dead zone too.
const dialogs = () => import('@/features/inspections/components/onsiteDialogs');
const CheckDrawer = lazy(() => dialogs().then((m) => ({ default: m.CheckDrawer })));
const CorrectFindingModal = lazy(() => dialogs().then((m) => ({ default: m.CorrectFindingModal })));
const CloseActivityModal = lazy(() => dialogs().then((m) => ({ default: m.CloseActivityModal })));

/**
 * 现场监管 on a phone (360 px): the on-duty roster with photo and post, search by name or 保安员证
 * number, one checklist per guard, findings with their correction. Recordings go through the
 * device's outbox, so the screen keeps working in a dead zone and sends when the connection returns.
 */
export default function InspectionPage() {
  const { activityId = '' } = useParams();
  const screen = useInspectionScreen(activityId);
  const [tab, setTab] = useState<'roster' | 'findings' | 'outbox'>('roster');
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const { a, officer, inProgress, outbox } = screen;

  if (screen.activity.loading && !a) return <div className="onsite"><Skeleton active /></div>;
  if (!a) return <div className="onsite"><ErrorAlert error={screen.activity.error} /></div>;

  return (
    <div className="onsite">
      <OnsiteHeader screen={screen} />
      <Segmented
        block
        size="large"
        value={tab}
        onChange={(v) => setTab(v as typeof tab)}
        options={[
          { value: 'roster', label: '在岗人员' },
          { value: 'findings', label: <Badge count={screen.openFindings} size="small" offset={[8, -2]}>问题</Badge> },
          { value: 'outbox', label: <Badge count={outbox.items.length} size="small" offset={[8, -2]} color="blue">待发送</Badge> },
        ]}
        style={{ margin: '8px 0' }}
      />
      {tab === 'roster' && <OnDutyRoster screen={screen} />}
      {tab === 'findings' && <FindingList screen={screen} onCorrect={setCorrecting} />}
      {tab === 'outbox' && <OutboxList outbox={outbox} />}

      <Flex gap={8} vertical style={{ marginTop: 16 }}>
        {officer && inProgress && !screen.ended && (
          <Typography.Text type="secondary" data-testid="close-from">活动结束后方可总结：可于 {formatDateTime(a.endsAt)} 起总结</Typography.Text>
        )}
        {officer && inProgress && (
          <Button size="large" block className="onsite-big" disabled={!screen.ended} onClick={() => setClosing(true)}>
            活动总结
          </Button>
        )}
        {a.status === 'CLOSED' && a.closeStatement && (
          <Alert type="error" showIcon title="总结时仍有严重问题未纠正" description={a.closeStatement} />
        )}
        <Link to={`/timeline/${a.id}`}><Button size="large" block type="link">查看台账</Button></Link>
      </Flex>

      <Suspense fallback={null}>
        <CheckDrawer screen={screen} />
        <CorrectFindingModal findingId={correcting} onClose={() => setCorrecting(null)} onCorrected={() => screen.findings.refetch()} />
        <CloseActivityModal
          activityId={a.id}
          open={closing}
          waiting={outbox.waiting}
          openSerious={screen.openSerious}
          onClose={() => setClosing(false)}
          onClosed={() => screen.activity.refetch()}
        />
      </Suspense>
    </div>
  );
}
