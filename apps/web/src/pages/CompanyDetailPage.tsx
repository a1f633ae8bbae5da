import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Input, Modal, Select, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CompanyStatus, companyStatusLabels, Role, UnitKind } from '@evs/schema';
import { UnitAccounts } from '@/features/users/components/UnitAccounts';
import { CompanyOverview } from '@/features/companies/components/CompanyOverview';
import { GuardRegister } from '@/features/guards/components/GuardRegister';
import { CompanyDetailQuery, SetCompanyStatusMutation } from '@/features/companies/operations';
import { CompanyStatusTag, OwnRegisterTag } from '@/features/companies/components/CompanyTags';
import { Access, canAccess } from '@/shared/access';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { errorMessage } from '@/shared/errors';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

const GUARD_READERS = [Role.SECURITY_DETACHMENT, Role.OFFICE, Role.LEADER, Role.EVENT_DETACHMENT, Role.DISTRICT_BUREAU];

/** One company: register entry, figures, performance, and (for police roles) its guards. */
export default function CompanyDetailPage() {
  const { id = '' } = useParams();
  const role = useRole();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(CompanyDetailQuery, { variables: { id } });
  const [setStatus, setting] = useMutation(SetCompanyStatusMutation);
  const [statusOpen, setStatusOpen] = useState(false);
  const [status, setStatusValue] = useState<CompanyStatus>(CompanyStatus.SUSPENDED);
  const [reason, setReason] = useState('');
  const [statusError, setStatusError] = useState<unknown>(null);

  if (loading && !data) return <PageContainer title="保安服务公司"><Card><Skeleton active /></Card></PageContainer>;
  const c = data?.company;
  if (!c) return <PageContainer title="保安服务公司"><ErrorAlert error={error} /></PageContainer>;

  const submitStatus = async () => {
    setStatusError(null);
    try {
      await setStatus({ variables: { id, status, reason } });
      message.success(`已变更为“${companyStatusLabels[status]}”`);
      setStatusOpen(false);
      setReason('');
    } catch (e) {
      setStatusError(e);
    }
  };

  // A self-recruiting organizer's own register is no 保安服务公司: the company register's actions
  // (edit, suspend, its accounts as a company's) are not offered; the server refuses them too.
  const ownRegister = c.selfRecruitedRegister;

  return (
    <PageContainer
      title={c.name}
      subTitle={ownRegister ? <OwnRegisterTag /> : <CompanyStatusTag status={c.status} reason={c.statusReason} />}
      extra={
        !ownRegister && <Access roles={[Role.SECURITY_DETACHMENT]}>
          <Link to={`/companies/${id}/edit`}><Button>修改登记信息</Button></Link>
          <Button danger={c.status === CompanyStatus.ACTIVE} onClick={() => { setStatusValue(c.status === CompanyStatus.ACTIVE ? CompanyStatus.SUSPENDED : CompanyStatus.ACTIVE); setStatusOpen(true); }}>
            {c.status === CompanyStatus.ACTIVE ? '暂停/吊销' : '变更状态'}
          </Button>
        </Access>
      }
    >
      <Tabs
        items={[
          { key: 'profile', label: '公司概况', children: <CompanyOverview company={c} /> },
          ...(canAccess(role, GUARD_READERS)
            ? [{
                key: 'guards',
                // a district bureau reads only the people on its district's rosters (the server's rule), not the register's count
                label: role === Role.DISTRICT_BUREAU ? '本辖区活动保安员' : `保安员（${c.guardsOnRegister}）`,
                children: <Card variant="borderless"><GuardRegister companyId={id} manage={role === Role.SECURITY_DETACHMENT} /></Card>,
              }]
            : []),
          ...(role === Role.SECURITY_DETACHMENT && !ownRegister
            ? [{ key: 'accounts', label: '账号', children: <Card variant="borderless"><UnitAccounts unit={{ id, name: c.name, kind: UnitKind.COMPANY }} /></Card> }]
            : []),
        ]}
      />
      <Modal open={statusOpen} title="变更公司状态" okText="确认" onOk={submitStatus} okButtonProps={{ loading: setting.loading, disabled: !reason.trim() }} onCancel={() => setStatusOpen(false)}>
        <ErrorAlert error={statusError} style={{ marginBottom: 12 }} />
        <Select
          value={status}
          onChange={setStatusValue}
          style={{ width: '100%', marginBottom: 12 }}
          options={Object.values(CompanyStatus).filter((s) => s !== c.status).map((s) => ({ value: s, label: companyStatusLabels[s] }))}
        />
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="原因（必填，将通知该公司并记入审计日志）" maxLength={500} />
        {statusError ? <div style={{ marginTop: 8, color: '#ff4d4f' }}>{errorMessage(statusError)}</div> : null}
      </Modal>
    </PageContainer>
  );
}
