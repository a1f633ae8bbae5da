import { useQuery } from '@apollo/client/react';
import { Card, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ActivityForm } from '@/features/activities/components/ActivityForm';
import { ActivityDetailQuery } from '@/features/activities/operations';
import { PageContainer } from '@/shared/PageContainer';

/** 登记活动 (/activities/new) and amending a draft (/activities/:id/edit). */
export default function ActivityFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const existing = useQuery(ActivityDetailQuery, { variables: { id: id ?? '' }, skip: !editing });

  if (editing && existing.loading && !existing.data) return <PageContainer title="修改活动"><Card><Skeleton active /></Card></PageContainer>;
  return (
    <PageContainer title={editing ? '修改活动' : undefined} subTitle="受理主办单位申请后登记；保存为草稿，核对后通报">
      <ActivityForm id={id} existing={existing.data?.activity} />
    </PageContainer>
  );
}
