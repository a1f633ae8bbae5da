import { Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { districtLabels } from '@evs/schema';
import { ImportCompaniesMutation } from '@/features/companies/operations';
import { ImportPanel } from '@/features/vetting/components/ImportPanel';
import { postWithProgress } from '@/features/vetting/upload';
import { PageContainer } from '@/shared/PageContainer';

/** 导入保安服务公司名册 (保安管理支队): a new deployment brings in the register it already keeps. */
export default function CompanyImportPage() {
  const navigate = useNavigate();
  return (
    <PageContainer subTitle="按统一社会信用代码新增或更新，重复导入不会重复登记">
      <Card variant="borderless">
        <Typography.Paragraph type="secondary">
          列：公司名称、统一社会信用代码、保安服务许可证号、许可证有效期至、注册资本（元，可写“300万”）、住所、辖区（
          {Object.values(districtLabels).join('、')}）、联系人、联系电话。已登记的公司按信用代码更新登记信息，状态不变；
          新登记的公司须许可证在有效期内、注册资本不少于100万元。公司账号导入后在公司详情页“增开账号”。
        </Typography.Paragraph>
        <ImportPanel
          noun="公司"
          measure="家"
          templateUrl="/templates/companies.xlsx"
          run={async (file, mode, onProgress) => (await postWithProgress(ImportCompaniesMutation, { file, mode }, onProgress)).importCompanies}
          onCommitted={(r) => {
            if (r.invalidRows === 0) navigate('/companies');
          }}
        />
      </Card>
    </PageContainer>
  );
}
