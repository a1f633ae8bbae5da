import { ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Select, Space } from 'antd';
import { activityStatusLabels } from '@evs/schema';
import { WITHDRAWAL_STATUSES, type VettingWorkbench } from '@/features/vetting/hooks/useVettingWorkbench';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';

type Activity = VettingWorkbench['activities'][number];

/** The choice of activity: those in vetting, then those whose vetting closed (a pass may still be withdrawn). */
function activityOptions(activities: readonly Activity[]) {
  const inVetting = activities.filter((a) => !WITHDRAWAL_STATUSES.includes(a.status));
  const closed = activities.filter((a) => WITHDRAWAL_STATUSES.includes(a.status));
  return [
    { label: '背景审核中', options: inVetting.map((a) => ({ value: a.id, label: `${a.name}（待审核${a.counts.pending}）` })) },
    { label: '背景审核已结束（可撤销通过）', options: closed.map((a) => ({ value: a.id, label: `${a.name}（${labelOf(activityStatusLabels, a.status)}）` })) },
  ].filter((g) => g.options.length > 0);
}

/** The names a confirmation lists: the first 30, then the count. */
const PASSABLE_NAMES_SHOWN = 30;
function passableNames(seen: readonly { guardName: string }[]): string {
  const names = seen.slice(0, PASSABLE_NAMES_SHOWN).map((e) => e.guardName).join('、');
  return seen.length > PASSABLE_NAMES_SHOWN ? `${names}等${seen.length}人` : `${names}（共${seen.length}人）`;
}

/** The activity under review: choice, figures, and the commands on the whole roster (in vetting only). */
export function WorkbenchActivityCard({ wb }: { wb: VettingWorkbench }) {
  const { modal } = App.useApp();
  const { activity } = wb;
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="活动"
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={activity ? wb.activityId : undefined}
          placeholder="选择活动"
          onChange={wb.selectActivity}
          options={activityOptions(wb.activities)}
        />
      </Space>
      {wb.missing && (
        <Alert type="warning" showIcon title="该活动已不在背景审核或待上岗阶段（可能已结束或已取消），不能再作出或撤销审核结论" />
      )}
      {activity && wb.closed && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
            { label: '活动时间', children: formatDateTime(activity.startsAt) },
            { label: '上报单位', children: activity.submitterName ?? '—' },
            { label: '所需保安员', children: `${activity.guardsRequired}人` },
            { label: '名单', children: `${activity.counts.total}人：通过${activity.counts.passed}，不通过${activity.counts.failed}` },
            { label: '状态', children: labelOf(activityStatusLabels, activity.status) },
          ]} />
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title="背景审核已结束，只能撤销审核通过"
            description="复核后不宜上岗的人员，可在名单中“撤销通过（改为不通过）”：该人员即不得上岗，公司收到通知（只含原因类别）；审核通过人数少于所需时，背景审核重新开放，由公司替换人员后审核。"
          />
          {activity.counts.pending > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={`有${activity.counts.pending}人恢复为待审核`}
              description="使其不通过的吊销记录已撤销或更正、现已不构成条例第十七条情形：请先重新比对，再在名单中作出结论（通过后即可上岗）。"
              action={<Button size="small" loading={wb.rechecking} onClick={wb.recheckAll}>重新比对</Button>}
            />
          )}
        </>
      )}
      {activity && !wb.closed && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
            { label: '活动时间', children: formatDateTime(activity.startsAt) },
            { label: '上报单位', children: activity.submitterName ?? '—' },
            { label: '主办单位', children: activity.organizerName },
            { label: '所需保安员', children: `${activity.guardsRequired}人` },
            { label: '名单', children: `${activity.counts.total}人：通过${activity.counts.passed}，不通过${activity.counts.failed}，待审核${activity.counts.pending}${activity.counts.unchecked ? `，待重新比对${activity.counts.unchecked}` : ''}` },
            { label: '状态', children: labelOf(activityStatusLabels, activity.status) },
          ]} />
          {activity.closeBlockers.length > 0 && (
            <Alert type="info" showIcon style={{ marginTop: 8 }} title={`尚不能结束背景审核：${activity.closeBlockers.join('；')}`} />
          )}
          <Space wrap style={{ marginTop: 12 }}>
            <Button
              type="primary"
              icon={<SafetyOutlined />}
              loading={wb.passingAll}
              onClick={async () => {
                const seen = await wb.passableNow();
                if (!seen) return;
                modal.confirm({
                  title: `一键通过无异常人员（${seen.length}人）`,
                  content: (
                    <>
                      <p>以下资格预审通过、本人及直系亲属均未比中记录、信息保存期内无审核不通过结论的待审核人员将审核通过：</p>
                      <p data-testid="passable-names">{passableNames(seen)}</p>
                      <p>确认后如名单已有变化（新上报、已作出结论或已重新比对），将不作通过并提示刷新。</p>
                    </>
                  ),
                  okText: '通过',
                  cancelText: '取消',
                  onOk: () => wb.passAllClean(seen),
                });
              }}
            >
              一键通过无异常
            </Button>
            <Button disabled={activity.closeBlockers.length > 0} loading={wb.closing} onClick={wb.close}>
              结束背景审核
            </Button>
            {activity.counts.unchecked > 0 && (
              <Button icon={<ReloadOutlined />} loading={wb.rechecking} onClick={wb.recheckAll}>
                重新比对
              </Button>
            )}
          </Space>
        </>
      )}
    </Card>
  );
}
