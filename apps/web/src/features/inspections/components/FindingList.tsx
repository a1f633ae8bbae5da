import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Tag } from 'antd';
import { inspectionItemLabels } from '@evs/schema';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { formatDateTime } from '@/shared/format';

/** The findings by post, with their correction (the detachment records it); offline, as last seen. */
export function FindingList({ screen, onCorrect }: { screen: InspectionScreen; onCorrect: (findingId: string) => void }) {
  const { findingItems, officer } = screen;
  return (
    <div className="onsite-list">
      {screen.findingsOffline ? (
        <Alert type="warning" showIcon title={`离线：显示 ${formatDateTime(screen.cachedFindings!.savedAt)} 的问题记录（不含照片）；登记纠正需联网`} />
      ) : (
        <ErrorAlert error={screen.findings.error} />
      )}
      {findingItems?.length === 0 && <Empty description="暂无问题" />}
      {[...(findingItems ?? [])].sort((x, y) => (x.post ?? '\uffff').localeCompare(y.post ?? '\uffff', 'zh-CN')).map((f) => (
        <div key={f.id} className={`onsite-finding${f.serious ? ' serious' : ''}`} data-testid="finding">
          <Flex justify="space-between" gap={8}>
            <strong>{inspectionItemLabels[f.item]}</strong>
            {f.serious && <Tag color="error">严重</Tag>}
          </Flex>
          <div>{f.personName}{f.post ? `（${f.post}${f.area ? ` · ${f.area}` : ''}）` : ''}</div>
          {f.note && <div className="muted">{f.note}</div>}
          {f.photoUrl && <img src={f.photoUrl} alt="现场照片" className="onsite-photo" loading="lazy" decoding="async" />}
          <div className="muted">{formatDateTime(f.recordedAt)} {f.recordedByName} 登记</div>
          {f.correctedAt ? (
            <div className="onsite-corrected"><CheckCircleFilled /> {formatDateTime(f.correctedAt)} 已纠正：{f.correctionNote}（{f.correctedByName}）</div>
          ) : officer ? (
            <Button size="large" block className="onsite-big" style={{ marginTop: 8 }} onClick={() => onCorrect(f.id)}>
              登记纠正
            </Button>
          ) : (
            <Tag color="warning" icon={<ExclamationCircleFilled />}>未纠正</Tag>
          )}
        </div>
      ))}
    </div>
  );
}
