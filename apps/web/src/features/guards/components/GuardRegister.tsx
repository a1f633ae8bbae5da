import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Modal, Space, Tag, Typography } from 'antd';
import { ImportPanel } from '@/features/vetting/components/ImportPanel';
import { ImportGuardsMutation } from '@/features/vetting/operations';
import { postWithProgress } from '@/features/vetting/upload';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { Education, educationLabels, GuardStatus, guardStatusLabels, Sex, sexLabels } from '@evs/schema';
import type { GuardFilterInput, GuardListQuery as GuardListResult } from '@/gql/graphql';
import { ListFilters } from '@/shared/ListFilters';
import { ListScaffold } from '@/shared/ListScaffold';
import { errorMessage } from '@/shared/errors';
import { labelOf } from '@/shared/labels';
import { GuardLeavesMutation, GuardListQuery } from '@/features/guards/operations';
import { EligibilityTag, GuardStatusTag } from '@/features/guards/components/GuardTags';
import { toApiDate, todayInBeijing } from '@/shared/format';
import { serverNow } from '@/shared/clock';
import { afterToday, futureDateMessage } from '@/shared/dateRules';

const PAGE_SIZE = 20;

type Guard = GuardListResult['guards']['items'][number];

/** A company's guard register: search, status, eligibility, add/edit and mark left (when `manage`). */
export function GuardRegister({ companyId, manage }: { companyId?: string; manage: boolean }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<GuardFilterInput>({ status: GuardStatus.ACTIVE });
  const [page, setPage] = useState(1);
  const [leaving, setLeaving] = useState<{ id: string; name: string; rosterLock?: string | null } | null>(null);
  const [leftOn, setLeftOn] = useState<Dayjs | null>(serverNow());
  const { data, loading, error, refetch } = useQuery(GuardListQuery, {
    variables: { filter: { ...filter, companyId }, page: { page, pageSize: PAGE_SIZE } },
  });
  const [markLeft, marking] = useMutation(GuardLeavesMutation);
  const [importing, setImporting] = useState(false);

  const confirmLeft = async () => {
    // (the button is disabled then too: no date, or one after today, is never sent as today's)
    if (!leaving || !leftOn || afterToday(leftOn)) return;
    try {
      await markLeft({ variables: { id: leaving.id, date: toApiDate(leftOn) } });
      message.success(`${leaving.name} 已办理离职`);
      setLeaving(null);
      await refetch();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <ListScaffold<Guard>
        label="保安员名册"
        rowKey="id"
        rowName={(r) => r.name}
        loading={loading}
        error={error}
        scrollX={960}
        dataSource={data?.guards.items ?? []}
        empty={filter.search ? '没有找到符合条件的保安员' : '名册中暂无保安员'}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.guards.total ?? 0, onChange: setPage, unit: '人' }}
        filters={
          <ListFilters
            initialValues={{ status: GuardStatus.ACTIVE }}
            fields={[
              { kind: 'search', name: 'search', placeholder: '姓名、保安员证号或身份证号' },
              { kind: 'select', name: 'status', label: '状态', placeholder: '全部', width: 100, options: Object.values(GuardStatus).map((s) => ({ value: s, label: guardStatusLabels[s] })) },
              { kind: 'check', name: 'eligibleToday', label: '只看今日符合上岗条件' },
            ]}
            onChange={(v) => {
              setPage(1);
              setFilter({ search: v.search as string | undefined, status: v.status as GuardStatus | undefined, eligibleOn: v.eligibleToday ? todayInBeijing() : undefined });
            }}
          />
        }
        toolbar={
          manage && (
            <Space wrap>
              <Link to={companyId ? `/guards/new?companyId=${companyId}` : '/guards/new'}>
                <Button type="primary" icon={<PlusOutlined />}>登记保安员</Button>
              </Link>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>批量导入</Button>
            </Space>
          )
        }
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left', width: 100, card: 'title', render: (name: string, r) => (manage ? <Link to={`/guards/${r.id}`}>{name}</Link> : name) },
          { title: '身份证号', dataIndex: 'idNumber', width: 190 },
          { title: '性别', dataIndex: 'sex', width: 60, card: 'hidden', render: (s: Sex) => labelOf(sexLabels, s) },
          { title: '年龄', dataIndex: 'age', width: 60, align: 'right', card: 'hidden' },
          { title: '学历', dataIndex: 'education', width: 90, card: 'hidden', render: (e: Education) => labelOf(educationLabels, e) },
          { title: '保安员证号', dataIndex: 'certificateNo', width: 150, render: (v: string | null) => v ?? '未取得' },
          {
            title: '直系亲属',
            dataIndex: 'relativeCount',
            width: 110,
            align: 'right',
            render: (n: number | null, r) => (
              <Space size={4}>
                {n === null ? '—' : `${n}人`}
                {r.relativesDeclared === false && <Tag color="warning">未申报完整</Tag>}
              </Space>
            ),
          },
          { title: '状态', dataIndex: 'status', width: 120, render: (s: string, r) => <GuardStatusTag status={s} leftOn={r.leftOn} /> },
          { title: '上岗条件', key: 'eligibility', width: 130, render: (_, r) => (r.status === GuardStatus.ACTIVE ? <EligibilityTag problems={r.eligibilityProblems} /> : null) },
          ...(manage
            ? [{
                title: '操作',
                key: 'actions',
                width: 150,
                card: 'action' as const,
                actions: (r: Guard) => [
                  { key: 'edit', label: '查看/修改', to: `/guards/${r.id}` },
                  r.status === GuardStatus.ACTIVE && { key: 'leave', label: '离职', danger: true, onClick: () => { setLeftOn(serverNow()); setLeaving(r); } },
                ],
              }]
            : []),
        ]}
      />
      <Modal
        open={!!leaving}
        title={`办理离职：${leaving?.name ?? ''}`}
        okText="确认离职"
        okButtonProps={{ danger: true, loading: marking.loading, disabled: !!leaving?.rosterLock || !leftOn || afterToday(leftOn) }}
        onOk={confirmLeft}
        onCancel={() => setLeaving(null)}
      >
        {leaving?.rosterLock && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${leaving.name}${leaving.rosterLock}`} />}
        <p>离职后记录保留，该人员可由其他公司登记。</p>
        <DatePicker aria-label="离职日期" value={leftOn} onChange={(d) => setLeftOn(d)} status={afterToday(leftOn) ? 'error' : undefined} style={{ width: '100%' }} />
        {afterToday(leftOn) && <Typography.Text type="danger">{futureDateMessage('离职日期')}</Typography.Text>}
      </Modal>
      <Modal title="批量导入保安员名册" open={importing} footer={null} width={760} onCancel={() => setImporting(false)} destroyOnHidden>
        <ImportPanel
          noun="保安员"
          templateUrl="/templates/guards.xlsx"
          run={async (file, mode, onProgress) => (await postWithProgress(ImportGuardsMutation, { input: { companyId: companyId ?? null, file, mode } }, onProgress)).importGuards}
          onCommitted={() => void refetch()}
        />
      </Modal>
    </>
  );
}
