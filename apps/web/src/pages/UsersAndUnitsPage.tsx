import { Card, Tabs } from 'antd';
import { UnitsTable } from '@/features/users/components/UnitsTable';
import { UsersTable } from '@/features/users/components/UsersTable';
import { PageContainer } from '@/shared/PageContainer';

/** 用户与单位 (系统管理员): accounts on one tab, units on the other. */
export default function UsersAndUnitsPage() {
  return (
    <PageContainer>
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'users', label: '用户', children: <UsersTable /> },
            { key: 'units', label: '单位', children: <UnitsTable /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
