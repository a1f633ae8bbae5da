import { Alert, Descriptions, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { companyStatusLabels, districtLabels } from '@evs/schema';
import { labelOf } from '@/shared/labels';
import { WARN_TEXT } from '../palette';
import type { HomeData } from '../hooks/useMyHome';
import { HomeSection as Section } from './HomeSection';

/** The company's profile on its home: qualified or why not, licence and its expiry. */
export function CompanyProfileSection({ company: c }: { company: NonNullable<HomeData['company']> }) {
  const navigate = useNavigate();
  return (
    <Section
      testId="home-company"
      title={c.name}
      extra={<Typography.Link onClick={() => navigate('/company/profile')}>公司资料</Typography.Link>}
    >
      {c.qualified ? (
        <Alert type="success" showIcon title="资质正常：正常经营、许可证有效、无未纠正的严重问题" style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="warning" showIcon title="当前不符合推荐条件" description={c.problems.join('；')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'credit', label: '统一社会信用代码', children: c.creditCode },
          { key: 'license', label: '保安服务许可证', children: c.licenseNo },
          {
            key: 'expiry',
            label: '许可证有效期至',
            children: (
              <span style={{ color: c.licenseDaysLeft < 60 ? WARN_TEXT : undefined }}>
                {c.licenseExpiry}（{c.licenseDaysLeft >= 0 ? `剩余 ${c.licenseDaysLeft} 天` : '已过期'}）
              </span>
            ),
          },
          { key: 'status', label: '状态', children: labelOf(companyStatusLabels, c.status as never) },
          { key: 'district', label: '辖区', children: labelOf(districtLabels, c.district) },
        ]}
      />
    </Section>
  );
}
