import { MULTILINE } from '@/shared/MultilineText';
import { inspectionItemLabels } from '@evs/schema';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { formatDateTime } from '@/shared/format';
import { Chip, EmptyNote, ErrorNotice, Notice } from './plain';

/** The findings by post, with their correction (the detachment records it); offline, as last seen. */
export function FindingList({ screen, onCorrect }: { screen: InspectionScreen; onCorrect: (findingId: string) => void }) {
  const { findingItems, officer } = screen;
  return (
    <div className="onsite-list">
      {screen.findingsOffline ? (
        <Notice tone="warning" title={`离线：显示 ${formatDateTime(screen.cachedFindings!.savedAt)} 的问题记录（不含照片）；登记纠正需联网`} />
      ) : (
        <ErrorNotice error={screen.findings.error} />
      )}
      {findingItems?.length === 0 && <EmptyNote>暂无问题</EmptyNote>}
      {[...(findingItems ?? [])].sort((x, y) => (x.post ?? '\uffff').localeCompare(y.post ?? '\uffff', 'zh-CN')).map((f) => (
        <div key={f.id} className={`onsite-finding${f.serious ? ' serious' : ''}`} data-testid="finding">
          <div className="onsite-between">
            <strong>{inspectionItemLabels[f.item]}</strong>
            {f.serious && <Chip tone="error">严重</Chip>}
          </div>
          <div>{f.personName}{f.post ? `（${f.post}${f.area ? ` · ${f.area}` : ''}）` : ''}</div>
          {f.note && <div className="muted" style={MULTILINE}>{f.note}</div>}
          {f.photoUrl && <img src={f.photoUrl} alt="现场照片" className="onsite-photo" loading="lazy" decoding="async" />}
          <div className="muted">{formatDateTime(f.recordedAt)} {f.recordedByName} 登记</div>
          {f.correctedAt ? (
            <div className="onsite-corrected" style={MULTILINE}>✓ {formatDateTime(f.correctedAt)} 已纠正：{f.correctionNote}（{f.correctedByName}）</div>
          ) : officer ? (
            <button type="button" className="onsite-btn" style={{ marginTop: 8 }} onClick={() => onCorrect(f.id)}>
              登记纠正
            </button>
          ) : (
            <Chip tone="warning">未纠正</Chip>
          )}
        </div>
      ))}
    </div>
  );
}
