import { ReloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Select, Space } from 'antd';
import { activityStatusLabels } from '@evs/schema';
import type { VettingWorkbench } from '@/features/vetting/hooks/useVettingWorkbench';
import { formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';

/** The activity under review: choice, figures, and the commands on the whole roster. */
export function WorkbenchActivityCard({ wb }: { wb: VettingWorkbench }) {
  const { modal } = App.useApp();
  const { activity } = wb;
  return (
    <Card size="small">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          aria-label="活动"
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={wb.activityId}
          onChange={wb.selectActivity}
          options={wb.activities.map((a) => ({ value: a.id, label: `${a.name}（待审核${a.counts.pending}）` }))}
        />
      </Space>
      {activity && (
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
              onClick={() =>
                modal.confirm({
                  title: '一键通过无异常人员',
                  content: '资格预审通过、本人及直系亲属均未比中记录的待审核人员将全部审核通过。',
                  okText: '通过',
                  onOk: wb.passAllClean,
                })
              }
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
