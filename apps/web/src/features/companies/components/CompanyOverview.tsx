import { Card, Col, Descriptions, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { districtLabels, District } from '@evs/schema';
import type { CompanyDetailQuery as CompanyDetailResult } from '@/gql/graphql';
import { labelOf } from '@/shared/labels';
import { formatPercent, formatYuan, MISSING } from '@/shared/format';
import { CompanyStatusTag, LicenseExpiry, Muted, OwnRegisterTag } from '@/features/companies/components/CompanyTags';
import { MultilineText } from '@/shared/MultilineText';

type Company = CompanyDetailResult['company'];

const BANDS: { key: keyof Company['ageProfile']; label: string; color?: string }[] = [
  { key: 'under30', label: '30岁以下' },
  { key: 'from30to39', label: '30–39岁' },
  { key: 'from40to49', label: '40–49岁' },
  { key: 'from50to55', label: '50–55岁', color: '#faad14' },
  { key: 'over55', label: '55岁以上', color: '#ff4d4f' },
];

/**
 * A company's register entry, its computed figures, age profile and past performance. A
 * self-recruiting organizer's own register (`selfRecruitedRegister`) has no credit code, licence,
 * capital or performance of a 保安服务公司 (the server answers null): those are left out, not shown as
 * figures; its guards' figures stay.
 */
export function CompanyOverview({ company: c }: { company: Company }) {
  const total = c.guardsOnRegister || 1;
  const p = c.performance;
  const company = !c.selfRecruitedRegister;
  const figures: { title: string; value: number | null; suffix?: string; precision?: number }[] = [
    { title: '在册保安员', value: c.guardsOnRegister, suffix: '人' },
    { title: '持有效保安员证', value: c.guardsWithValidCertificate, suffix: '人' },
    { title: '审核有效期内', value: c.guardsWithValidVetting, suffix: '人' },
    ...(company
      ? [
          { title: '已服务活动', value: c.activitiesServed, suffix: '场' },
          { title: '每百人问题数', value: c.findingsRate, precision: 1 },
          { title: '表现得分', value: c.performanceScore, precision: 1 },
        ]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless" title="登记信息">
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          {company ? (
            <Descriptions.Item label="统一社会信用代码">{c.creditCode ?? MISSING}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="类型"><OwnRegisterTag /></Descriptions.Item>
          )}
          <Descriptions.Item label="状态"><CompanyStatusTag status={c.status} reason={c.statusReason} />{c.statusReason && <Muted><MultilineText>{c.statusReason}</MultilineText></Muted>}</Descriptions.Item>
          <Descriptions.Item label="辖区">{labelOf(districtLabels, c.district as District)}</Descriptions.Item>
          {company && <Descriptions.Item label="保安服务许可证">{c.licenseNo ?? MISSING}</Descriptions.Item>}
          {company && <Descriptions.Item label="许可证有效期至"><LicenseExpiry expiry={c.licenseExpiry} daysLeft={c.licenseDaysLeft} /></Descriptions.Item>}
          {company && <Descriptions.Item label="注册资本">{formatYuan(c.registeredCapital)}</Descriptions.Item>}
          <Descriptions.Item label="住所">{c.address || MISSING}</Descriptions.Item>
          <Descriptions.Item label="联系人">{c.contactName}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{c.contactPhone}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {figures.map((s) => (
          <Col key={s.title} xs={12} sm={8} lg={4}>
            <Card variant="borderless" size="small">
              <Statistic title={s.title} value={s.value ?? MISSING} suffix={s.value == null ? undefined : s.suffix} precision={s.value == null ? undefined : s.precision} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title="年龄结构" extra={c.ageProfile.averageAge != null && <Muted>平均 {c.ageProfile.averageAge} 岁</Muted>}>
            {BANDS.map((b) => (
              <Flex key={b.key} align="center" gap={8}>
                <span style={{ width: 72, flex: 'none' }}>{b.label}</span>
                <Progress aria-label={`${b.label}占比`} percent={Math.round(((c.ageProfile[b.key] as number) / total) * 100)} strokeColor={b.color} style={{ flex: 1, margin: 0 }} />
                <span style={{ width: 48, textAlign: 'right', flex: 'none' }}>{c.ageProfile[b.key]}人</span>
              </Flex>
            ))}
          </Card>
        </Col>
        {p && (
          <Col xs={24} lg={12}>
            <Card variant="borderless" title="以往表现" extra={!p.hasHistory && <Muted>暂无历史，按中性分计</Muted>}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label="上岗保安员人次">{p.dutyGuards}</Descriptions.Item>
                <Descriptions.Item label="现场问题（已纠正）">{p.findings}（{p.findingsCorrected}），纠正率 {formatPercent(p.correctionRate)}</Descriptions.Item>
                <Descriptions.Item label="未纠正的严重问题">{p.openSeriousFindings}</Descriptions.Item>
                <Descriptions.Item label="审核不通过率">{formatPercent(p.vettingFailureRate)}（{p.vettingFailed}/{p.vettingDecided}）</Descriptions.Item>
                <Descriptions.Item label="活动总结评分">{p.averageRating != null ? `${p.averageRating} / 5（${p.closedActivities}场）` : '—'}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
                得分 = 每百人问题数 35% + 纠正率 15% + 审核通过率 25% + 总结评分 25%（无数据的部分不计入）。
              </Typography.Paragraph>
            </Card>
          </Col>
        )}
      </Row>
    </Flex>
  );
}
