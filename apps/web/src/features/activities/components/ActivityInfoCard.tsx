import { Button, Card, Descriptions, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { districtLabels, securityModeLabels, UnitKind } from '@evs/schema';
import { UnitAccounts } from '@/features/users/components/UnitAccounts';
import { formatCount, formatDateTime } from '@/shared/format';
import { labelOf } from '@/shared/labels';
import { MULTILINE, MultilineText } from '@/shared/MultilineText';
import type { ActivityDetail } from '../activityDetail';
import { DaysUntil, PermitTierTag } from './ActivityBits';

/** The age range its guards are held to, and where it comes from: fixed at the 批示, or still the settings. */
function ageRangeText(a: ActivityDetail): string {
  const source = [a.ageLimit ? '上限为本活动指定' : null, a.ageLimitsFixed ? '领导批示时确定，此后修改设置不影响本活动' : '批示前按现行设置'];
  return `${a.effectiveMinAge}–${a.effectiveAgeLimit} 岁（${source.filter(Boolean).join('；')}）`;
}

/** 活动信息: the activity's registered fields and decisions; the registering police may open the organizer's accounts. */
export function ActivityInfoCard({ activity: a, organizerAccounts }: { activity: ActivityDetail; organizerAccounts: boolean }) {
  const [accountsOpen, setAccountsOpen] = useState(false);
  return (
    <Card title="活动信息" variant="borderless">
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={[
          { key: 'type', label: '活动类型', children: a.type },
          { key: 'district', label: '辖区', children: labelOf(districtLabels, a.district) },
          {
            key: 'organizer',
            label: '主办单位',
            children: (
              <Space size={4} wrap>
                {a.organizerName}
                {organizerAccounts && (
                  <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAccountsOpen(true)}>
                    账号
                  </Button>
                )}
              </Space>
            ),
          },
          { key: 'undertaker', label: '承办单位', children: a.undertakerName ?? '—' },
          { key: 'venue', label: '场所', children: a.venue },
          { key: 'address', label: '地址', children: a.address },
          { key: 'time', label: '时间', children: `${formatDateTime(a.startsAt)} 至 ${formatDateTime(a.endsAt)}` },
          { key: 'days', label: '距开始', children: <DaysUntil days={a.daysUntilStart} status={a.status} /> },
          { key: 'applied', label: '受理日期', children: a.appliedOn },
          { key: 'tier', label: '许可层级', children: <PermitTierTag tier={a.permitTier} /> },
          { key: 'attendance', label: '预计人数', children: `${formatCount(a.expectedAttendance)} 人/场` },
          { key: 'guards', label: '所需保安员', children: `${a.guardsRequired} 人（按配比建议 ${a.suggestedGuards} 人）` },
          { key: 'mode', label: '安保方式', children: labelOf(securityModeLabels, a.securityMode) },
          { key: 'age', label: '年龄条件', children: ageRangeText(a) },
          { key: 'contact', label: '联系人', children: `${a.contactName} ${a.contactPhone}` },
          { key: 'reporter', label: '登记单位', children: a.reporterUnit?.name ?? '—' },
          ...(a.approvalNote
            ? [{ key: 'note', label: '领导批示', children: <span data-testid="approval" style={MULTILINE}>{a.approvalNote}{a.approvedByName ? `（${a.approvedByName}${a.approvedAt ? `，${formatDateTime(a.approvedAt)}` : ''}）` : ''}</span>, span: 2 }]
            : []),
          ...(a.selectedCompany
            ? [{ key: 'company', label: '中选公司', children: <Space wrap><Tag color="geekblue">{a.selectedCompany.name}</Tag>{a.selectionReason && <MultilineText>{a.selectionReason}</MultilineText>}</Space>, span: 2 }]
            : []),
          ...(a.recommendationJustification ? [{ key: 'just', label: '推荐不足3家说明', children: <MultilineText>{a.recommendationJustification}</MultilineText>, span: 2 }] : []),
          ...(a.cancelReason ? [{ key: 'cancel', label: '取消原因', children: <MultilineText>{a.cancelReason}</MultilineText>, span: 2 }] : []),
        ]}
      />
      {organizerAccounts && a.organizerUnitId && (
        <Modal title={`主办单位账号：${a.organizerName}`} open={accountsOpen} footer={null} width={760} onCancel={() => setAccountsOpen(false)} destroyOnHidden>
          <UnitAccounts unit={{ id: a.organizerUnitId, name: a.organizerName, kind: UnitKind.ORGANIZER }} />
        </Modal>
      )}
    </Card>
  );
}
