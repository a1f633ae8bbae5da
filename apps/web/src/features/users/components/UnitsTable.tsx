import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { districtLabels, UnitKind, unitKindLabels, MAX_SEARCH_LENGTH } from '@evs/schema';
import { errorMessage } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { ListScaffold } from '@/shared/ListScaffold';
import { unitContact, type AdminUnit } from '../accounts';
import { AdminUnitsQuery, SetUnitActiveMutation } from '../operations';
import { IssueAccountModal } from './IssueAccountModal';
import { MergeUnitsModal } from './MergeUnitsModal';
import { UnitFormModal } from './UnitFormModal';

/** 单位: every unit with its accounts; create, open more accounts, disable or enable, merge duplicate organizers. */
export function UnitsTable() {
  const { message, modal } = App.useApp();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [search, setSearch] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [issuing, setIssuing] = useState<AdminUnit | null>(null);
  const [merging, setMerging] = useState<AdminUnit | null>(null);
  const { data, loading, error, refetch } = useQuery(AdminUnitsQuery, { variables: { kind, search } });
  const [setActive] = useMutation(SetUnitActiveMutation);
  const units = data?.units ?? [];
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const toggle = (u: AdminUnit) => {
    let reason = '';
    modal.confirm({
      title: u.active ? `停用“${u.name}”` : `启用“${u.name}”`,
      content: (
        <>
          <Typography.Paragraph>{u.active ? '停用后，该单位的全部账号立即退出且不能登录；有未结束的活动需要该单位时不能停用。' : '启用后，该单位的账号恢复停用前的状态。'}</Typography.Paragraph>
          <Input.TextArea aria-label={u.active ? '停用原因' : '启用原因'} placeholder={u.active ? '停用原因（必填）' : '原因（可不填）'} rows={2} onChange={(e) => (reason = e.target.value)} />
        </>
      ),
      okText: u.active ? '停用' : '启用',
      okButtonProps: { danger: u.active },
      onOk: async () => {
        try {
          await setActive({ variables: { id: u.id, active: !u.active, reason: reason || null } });
          message.success(u.active ? '已停用，其账号已退出登录' : '已启用');
        } catch (e) {
          message.error(errorMessage(e));
          throw e;
        }
      },
    });
  };
  return (
    <>
      <ListScaffold
        label="单位"
        rowKey="id"
        rowName={(u) => u.name}
        loading={loading}
        error={error}
        scrollX={1100}
        empty="没有符合条件的单位"
        dataSource={units}
        pagination={{ pageSize: 20, unit: '个单位' }}
        filters={
          <Space wrap>
            <Select
              placeholder="全部单位类型" aria-label="单位类型"
              allowClear
              style={{ width: 200 }}
              value={kind}
              onChange={setKind}
              options={Object.values(UnitKind).map((k) => ({ value: k, label: unitKindLabels[k] }))}
            />
            <Input.Search maxLength={MAX_SEARCH_LENGTH} placeholder="名称或统一社会信用代码" allowClear style={{ width: 240 }} onSearch={(v) => setSearch(v || undefined)} />
            <Button type="primary" onClick={() => setCreating(true)}>新建单位</Button>
          </Space>
        }
        columns={[
          {
            title: '单位名称',
            key: 'name',
            card: 'title',
            render: (_, u) => (
              <>
                <div>{u.name}</div>
                {u.creditCode && <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{u.creditCode}</Typography.Text>}
              </>
            ),
          },
          { title: '类型', dataIndex: 'kind', width: 150, render: (k: UnitKind) => <Tag>{labelOf(unitKindLabels, k)}</Tag> },
          { title: '辖区', dataIndex: 'district', width: 90, render: (d) => labelOf(districtLabels, d) || '全市' },
          { title: '联系人', key: 'contact', width: 150, render: (_, u) => unitContact(u) },
          { title: '账号', dataIndex: 'accountCount', width: 70 },
          {
            title: '状态', key: 'state', width: 160,
            render: (_, u) =>
              u.mergedIntoId ? <Tag>已并入“{nameOf.get(u.mergedIntoId) ?? '其他单位'}”</Tag>
                : u.active ? <Tag color="green">启用</Tag>
                : <Tag color="red" title={u.deactivatedReason ?? undefined}>停用</Tag>,
          },
          {
            title: '操作', key: 'actions', width: 210, fixed: 'right', card: 'action',
            actions: (u) => [
              { key: 'issue', label: '增开账号', type: 'link', disabled: !u.active, onClick: () => setIssuing(u) },
              !u.mergedIntoId && { key: 'active', label: u.active ? '停用' : '启用', type: 'link', danger: u.active, onClick: () => toggle(u) },
              u.kind === UnitKind.ORGANIZER && u.active && { key: 'merge', label: '合并', type: 'link', onClick: () => setMerging(u) },
            ],
          },
        ]}
      />
      <UnitFormModal open={creating} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); message.success('单位已新建'); void refetch(); }} />
      <IssueAccountModal unit={issuing ? { id: issuing.id, name: issuing.name, kind: issuing.kind as UnitKind } : null} onClose={() => setIssuing(null)} onIssued={() => void refetch()} />
      <MergeUnitsModal source={merging} units={units} onClose={() => setMerging(null)} onMerged={() => { setMerging(null); void refetch(); }} />
    </>
  );
}
