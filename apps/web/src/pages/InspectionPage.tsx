import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FindingList } from '@/features/inspections/components/FindingList';
import { OnDutyRoster } from '@/features/inspections/components/OnDutyRoster';
import { OnsiteHeader } from '@/features/inspections/components/OnsiteHeader';
import { OutboxList } from '@/features/inspections/components/OutboxList';
import { ErrorNotice, Loading, Notice, Tabs } from '@/features/inspections/components/plain';
import { useInspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { formatDateTime } from '@/shared/format';
import '@/features/inspections/onsite.css';
import { whenIdle } from '@/shared/idle';

// The checklist and the dialogs (forms, date picker, rating), with the antd they use, are a chunk of
// their own, asked for once the first screen is drawn: the first screen on a phone needs none of them.
const dialogs = () => import('@/features/inspections/components/onsiteDialogs');
const DialogProviders = lazy(() => dialogs().then((m) => ({ default: m.DialogProviders })));
const CheckDrawer = lazy(() => dialogs().then((m) => ({ default: m.CheckDrawer })));
const CorrectFindingModal = lazy(() => dialogs().then((m) => ({ default: m.CorrectFindingModal })));
const CloseActivityModal = lazy(() => dialogs().then((m) => ({ default: m.CloseActivityModal })));
const StartActivityModal = lazy(() => dialogs().then((m) => ({ default: m.StartActivityModal })));

/**
 * True once the first screen has been drawn and the browser is idle: then the dialogs load. (A fixed
 * 300 ms after the header fell, on the phone profile, right before the first screen's largest paint
 * and the roster's text: the chunk's preload links alone took 83 ms of main thread there.)
 */
function useAfterFirstScreen(shown: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!shown || after) return;
    return whenIdle(() => setAfter(true));
  }, [shown, after]);
  return after;
}

/**
 * 现场监管 on a phone (360 px): the on-duty roster with photo and post, search by name or 保安员证
 * number, one checklist per guard, findings with their correction. Recordings go through the
 * device's outbox, so the screen keeps working in a dead zone and sends when the connection returns.
 * Rendered by its own light root (app/onsiteRoot.tsx), in plain markup: no component library until a
 * dialog is wanted.
 */
export default function InspectionPage() {
  const { activityId = '' } = useParams();
  const screen = useInspectionScreen(activityId);
  const [tab, setTab] = useState<'roster' | 'findings' | 'outbox'>('roster');
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [starting, setStarting] = useState(false);
  const { a, officer, inProgress, outbox } = screen;
  const wanted = useAfterFirstScreen(!!a) || !!screen.checking || !!correcting || closing || starting;
  const name = a?.name;
  useEffect(() => {
    document.title = `现场监管${name ? ` ${name}` : ''} - 大型活动安保前置审核系统`;
  }, [name]);

  if (screen.activity.loading && !a) return <div className="onsite"><Loading /></div>;
  if (!a) return <div className="onsite"><ErrorNotice error={screen.activity.error} /></div>;

  return (
    <div className="onsite">
      <OnsiteHeader screen={screen} onStart={() => setStarting(true)} />
      <Tabs
        value={tab}
        onChange={setTab}
        tabs={[
          { key: 'roster', label: '在岗人员' },
          { key: 'findings', label: '问题', count: screen.openFindings },
          { key: 'outbox', label: '待发送', count: outbox.items.length },
        ]}
      />
      {tab === 'roster' && <OnDutyRoster screen={screen} />}
      {tab === 'findings' && <FindingList screen={screen} onCorrect={setCorrecting} />}
      {tab === 'outbox' && <OutboxList outbox={outbox} />}

      <div className="onsite-stack">
        {officer && inProgress && !screen.ended && (
          <span className="muted" data-testid="close-from">活动结束后方可总结：可于 {formatDateTime(a.endsAt)} 起总结</span>
        )}
        {officer && inProgress && (
          <button type="button" className="onsite-btn" disabled={!screen.ended} onClick={() => setClosing(true)}>
            活动总结
          </button>
        )}
        {a.status === 'CLOSED' && a.closeStatement && <Notice tone="error" title="总结时仍有严重问题未纠正">{a.closeStatement}</Notice>}
        <Link className="onsite-btn link" to={`/timeline/${a.id}`}>查看台账</Link>
      </div>

      {wanted && (
        // a tap before the dialogs' chunk is in (a slow first visit) shows that it is coming
        <Suspense fallback={screen.checking || correcting || closing || starting ? <div className="onsite-idle"><Loading /></div> : null}>
          <DialogProviders>
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
            <StartActivityModal activityId={a.id} open={starting} onClose={() => setStarting(false)} onStarted={() => screen.activity.refetch()} />
          </DialogProviders>
        </Suspense>
      )}
    </div>
  );
}
