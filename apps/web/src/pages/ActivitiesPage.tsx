import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { Role } from '@evs/schema';
import { ActivityListView } from '@/features/activities/components/ActivityListView';
import { Access } from '@/shared/access';
import { PageContainer } from '@/shared/PageContainer';
import { useRole } from '@/shared/session';

/** 大型活动台账: every activity the role may see, with its stage, deadline and warnings. */
export default function ActivitiesPage() {
  const role = useRole();
  return (
    <PageContainer
      subTitle="活动所处阶段、距开始天数与提示"
      extra={
        <Access roles={[Role.DISTRICT_BUREAU, Role.EVENT_DETACHMENT]}>
          <Link to="/activities/new">
            <Button type="primary" icon={<PlusOutlined />}>
              登记活动
            </Button>
          </Link>
        </Access>
      }
    >
      <ActivityListView showDistrict={role !== Role.DISTRICT_BUREAU} />
    </PageContainer>
  );
}
