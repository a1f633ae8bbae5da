import { useQuery } from '@apollo/client/react';
import { Card, Skeleton, Space } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { GuardForm } from '@/features/guards/components/GuardForm';
import { GuardStatusTag } from '@/features/guards/components/GuardTags';
import { GuardDetailQuery } from '@/features/guards/operations';
import { ErrorAlert } from '@/shared/ErrorAlert';
import { PageContainer } from '@/shared/PageContainer';

/** 登记保安员 (/guards/new, for `?companyId=` when the 保安管理支队 registers) and a guard's record (/guards/:id). */
export default function GuardFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const [params] = useSearchParams();
  const existing = useQuery(GuardDetailQuery, { variables: { id: id ?? '' }, skip: !editing });
  const g = existing.data?.guard;

  if (editing && existing.loading && !g) return <PageContainer title="保安员"><Card><Skeleton active /></Card></PageContainer>;
  if (editing && !g) return <PageContainer title="保安员"><ErrorAlert error={existing.error} /></PageContainer>;
  return (
    <PageContainer title={g ? g.name : '登记保安员'} subTitle={g && <Space><GuardStatusTag status={g.status} leftOn={g.leftOn} />{g.company.name}</Space>}>
      <GuardForm guard={g} companyId={params.get('companyId') ?? undefined} />
    </PageContainer>
  );
}
