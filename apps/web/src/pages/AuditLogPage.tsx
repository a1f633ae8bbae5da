import { useQuery } from '@apollo/client/react';
import { Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { auditActionLabels, AuditAction, AuditResult, auditResultLabels, roleLabels } from '@evs/schema';
import { AuditObject } from '@/features/audit/components/AuditObject';
import { AuditLogQuery } from '@/features/audit/operations';
import type { AuditFilterInput, AuditLogQuery as AuditLogResult } from '@/gql/graphql';
import { ListFilters } from '@/shared/ListFilters';
import { ListScaffold } from '@/shared/ListScaffold';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';
import { formatTimestamp } from '@/shared/format';

const PAGE_SIZE = 20;

type AuditEntry = AuditLogResult['auditLog']['items'][number];

function json(value: unknown) {
  return value == null ? <Typography.Text type="secondary">—</Typography.Text> : <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 2)}</pre>;
}

/** What the 安全事件 view shows: refused logins, lockouts, permission denials, downloads, logins and logouts. */
const SECURITY_EVENTS = [AuditAction.LOGIN_FAILED, AuditAction.LOCKOUT, AuditAction.ACCESS_DENIED, AuditAction.EXPORT, AuditAction.LOGIN, AuditAction.LOGOUT];

/** Who did what, when, from where, to which record, with before and after (安全审计员); also the security events. */
export default function AuditLogPage() {
  const securityOnly = useLocation().pathname === '/audit/security';
  const actions = securityOnly ? SECURITY_EVENTS : undefined;
  const [filter, setFilter] = useState<AuditFilterInput>({ actions });
  const [page, setPage] = useState(1);
  const { data, loading, error } = useQuery(AuditLogQuery, { variables: { filter, page: { page, pageSize: PAGE_SIZE } } });

  return (
    <PageContainer subTitle={securityOnly ? '登录失败、账号锁定、越权访问与数据导出' : '所有写操作、登录与审核详情查阅均记录在案，只能追加'}>
      <Card variant="borderless">
        <ListScaffold<AuditEntry>
          label="审计日志"
          rowName={(r) => `${formatTimestamp(r.at)} ${labelOf(auditActionLabels, r.action)}`}
          error={error}
          empty="没有符合条件的审计记录"
          filters={
            <ListFilters
              fields={[
                { kind: 'search', name: 'search', placeholder: '摘要或操作人', width: 220 },
                { kind: 'select', name: 'action', label: '动作', placeholder: '全部动作', width: 160, options: (actions ?? Object.values(AuditAction)).map((a) => ({ value: a, label: auditActionLabels[a] })) },
                { kind: 'range', name: 'range' },
              ]}
              onChange={(v) => {
                setPage(1);
                setFilter({ ...(v as AuditFilterInput), actions });
              }}
            />
          }
          rowKey="id"
          size="middle"
          loading={loading}
          scrollX={900}
          dataSource={data?.auditLog.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.auditLog.total ?? 0, onChange: setPage, unit: '条' }}
          expandable={{
            rowExpandable: (r) => r.before != null || r.after != null || r.payloadHidden,
            expandedRowRender: (r) => r.payloadHidden ? (
              <Typography.Text type="secondary">该条目的详细内容含个人信息或审核详情，仅保安管理支队和安全审计员可查看。</Typography.Text>
            ) : (
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: 16 }}>
                <div>
                  <Typography.Text type="secondary">修改前</Typography.Text>
                  {json(r.before)}
                </div>
                <div>
                  <Typography.Text type="secondary">修改后</Typography.Text>
                  {json(r.after)}
                </div>
              </div>
            ),
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, card: 'title', render: (v: string) => formatTimestamp(v) },
            {
              title: '操作人',
              key: 'actor',
              width: 200,
              render: (_, r) => (
                <>
                  {r.actorName ?? '系统'}
                  {r.actorRole && <Tag style={{ marginLeft: 6 }}>{labelOf(roleLabels, r.actorRole)}</Tag>}
                </>
              ),
            },
            { title: '动作', dataIndex: 'action', width: 120, render: (a: AuditAction) => <Tag color="blue">{labelOf(auditActionLabels, a)}</Tag> },
            {
              title: '结果',
              dataIndex: 'result',
              width: 80,
              render: (v: AuditResult) => <Tag color={v === AuditResult.FAILURE ? 'red' : 'green'}>{labelOf(auditResultLabels, v)}</Tag>,
            },
            { title: '来源 IP', dataIndex: 'ip', card: 'hidden', width: 140, render: (v: string | null) => v ?? '—' },
            { title: '对象', key: 'entity', width: 180, render: (_, r) => <AuditObject type={r.entityType} id={r.entityId} /> },
            { title: '摘要', dataIndex: 'summary' },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
