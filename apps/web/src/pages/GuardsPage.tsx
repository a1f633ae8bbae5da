import { Card } from 'antd';
import { GuardRegister } from '@/features/guards/components/GuardRegister';
import { PageContainer } from '@/shared/PageContainer';

/** 保安员名册 of the logged-in company. */
export default function GuardsPage() {
  return (
    <PageContainer subTitle="身份证号脱敏显示；直系亲属信息仅保安管理支队可查阅">
      <Card variant="borderless">
        <GuardRegister manage />
      </Card>
    </PageContainer>
  );
}
