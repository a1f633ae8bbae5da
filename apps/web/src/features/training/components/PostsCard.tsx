import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { Role } from '@evs/schema';
import { errorMessage } from '@/shared/errors';
import { useSession } from '@/shared/session';
import { AssignPostsMutation } from '@/features/training/operations';
import { OnDutyRosterQuery } from '@/features/inspections/operations';

interface Draft {
  post: string;
  area: string;
}

/**
 * 岗位分工 (条例第六条: task assignment): each guard on the on-duty roster gets a post and an area.
 * The selected company assigns them (the event detachment for a self-recruited activity); every
 * other role sees them. The 通报, the on-site roster and the inspections show and group by post.
 */
export function PostsCard({ activityId, securityMode, status, companyId }: { activityId: string; securityMode: string; status: string; companyId: string | null }) {
  const session = useSession();
  const { message } = App.useApp();
  const roster = useQuery(OnDutyRosterQuery, { variables: { activityId } });
  const [assign, assigning] = useMutation(AssignPostsMutation);
  // Only what the user changed; everything else shows the saved value.
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const people = roster.data?.onDutyRoster ?? [];
  const valueOf = (g: { rosterEntryId: string; post?: string | null; area?: string | null }): Draft =>
    drafts[g.rosterEntryId] ?? { post: g.post ?? '', area: g.area ?? '' };

  const assigner =
    securityMode === 'SELF_RECRUITED' ? session.role === Role.EVENT_DETACHMENT : session.role === Role.COMPANY && session.unit.id === companyId;
  const editable = assigner && ['TRAINING', 'READY', 'IN_PROGRESS'].includes(status);
  if (!people.length) {
    return (
      <Card title="岗位分工" variant="borderless" style={{ marginTop: 16 }}>
        <Empty description="在岗名单为空：三科培训合格的人员方可分配岗位" />
      </Card>
    );
  }
  const changed = people.filter((g) => valueOf(g).post !== (g.post ?? '') || valueOf(g).area !== (g.area ?? ''));
  const set = (g: (typeof people)[number], patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [g.rosterEntryId]: { ...valueOf(g), ...patch } }));

  return (
    <Card
      title="岗位分工"
      variant="borderless"
      style={{ marginTop: 16 }}
      extra={
        editable && (
          <Button type="primary" disabled={!changed.length} loading={assigning.loading}
            onClick={async () => {
              try {
                await assign({
                  variables: {
                    activityId,
                    assignments: changed.map((g) => ({ rosterEntryId: g.rosterEntryId, post: valueOf(g).post.trim() || null, area: valueOf(g).area.trim() || null })),
                  },
                });
                message.success(`已保存${changed.length}人的岗位`);
                await roster.refetch();
                setDrafts({});
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}>
            保存岗位（{changed.length}）
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {securityMode === 'SELF_RECRUITED' ? '自招保安单位的活动由大型活动安全保卫支队分配岗位。' : '由中选的保安服务公司为在岗人员分配岗位和责任区域。'}
      </Typography.Paragraph>
      <Table
        rowKey="rosterEntryId"
        size="small"
        pagination={false}
        dataSource={[...people].sort((x, y) => (x.post ?? '\uffff').localeCompare(y.post ?? '\uffff', 'zh-CN'))}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '保安员证号', dataIndex: 'certificateNo', responsive: ['md'] },
          {
            title: '岗位',
            render: (_: unknown, g: (typeof people)[number]) =>
              editable ? <Input aria-label={`岗位-${g.name}`} maxLength={50} value={valueOf(g).post} onChange={(e) => set(g, { post: e.target.value })} /> : (g.post ?? '未分配'),
          },
          {
            title: '责任区域',
            render: (_: unknown, g: (typeof people)[number]) =>
              editable ? <Input aria-label={`区域-${g.name}`} maxLength={50} value={valueOf(g).area} onChange={(e) => set(g, { area: e.target.value })} /> : (g.area ?? '—'),
          },
        ]}
      />
    </Card>
  );
}
