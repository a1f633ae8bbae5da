import { FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Empty, Space } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { DecisionModal } from '@/features/vetting/components/DecisionModal';
import { WorkbenchActivityCard } from '@/features/vetting/components/WorkbenchActivityCard';
import { WorkbenchEntryList } from '@/features/vetting/components/WorkbenchEntryList';
import { useVettingWorkbench } from '@/features/vetting/hooks/useVettingWorkbench';
import { VettingPolicyQuery } from '@/features/vetting/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';

/**
 * 背景审核工作台 (保安管理支队): suggestions, record hits incl. relatives, decisions one by one or all clean at
 * once; after vetting closed (until the event), the withdrawal of a pass the officer was asked to review.
 */
export default function VettingWorkbenchPage() {
  const [params, setParams] = useSearchParams();
  const wb = useVettingWorkbench(params.get('activity'), (id) => setParams({ activity: id }));
  const policy = useQuery(VettingPolicyQuery, { fetchPolicy: 'cache-and-network' });
  const relativesOff = policy.data?.settings.some((s) => s.key === 'vetting.checkRelatives' && s.value === false);
  return (
    <PageContainer
      subTitle="系统建议，民警决定：本人记录（条例第十七条）建议不通过；直系亲属记录须人工审核"
      extra={wb.activity && <Link to={`/vetting/notice/${wb.activity.id}`}><Button icon={<FileTextOutlined />}>审核通报</Button></Link>}
    >
      <ErrorAlert error={wb.acts.error} style={{ marginBottom: 16 }} />
      {relativesOff && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="“审查直系亲属”设置已关闭：现在的比对只查保安员本人，不查其直系亲属"
          description={<>此期间比对的人员标注“未审查直系亲属”；设置重新开启后，须“重新比对”方可通过。设置在<Link to="/settings">设置</Link>页修改。</>}
        />
      )}
      {wb.activities.length === 0 && !wb.acts.loading ? (
        <Card><Empty description="暂无处于背景审核或待上岗阶段的活动" /></Card>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <WorkbenchActivityCard wb={wb} />
          {wb.activity && <WorkbenchEntryList wb={wb} />}
        </Space>
      )}
      <DecisionModal wb={wb} />
    </PageContainer>
  );
}
