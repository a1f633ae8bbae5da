import { useQuery } from '@apollo/client/react';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CompanyStatus, companyStatusLabels, District, districtLabels, Role } from '@evs/schema';
import { CompanyListQuery } from '@/features/companies/operations';
import { CompanyStatusTag, LicenseExpiry } from '@/features/companies/components/CompanyTags';
import { formatYuan, MISSING } from '@/shared/format';
import type { CompanyFilterInput, CompanyListQuery as CompanyListResult, CompanySortField } from '@/gql/graphql';
import { Access } from '@/shared/access';
import { ListFilters } from '@/shared/ListFilters';
import { ListScaffold } from '@/shared/ListScaffold';
import { labelOf } from '@/shared/labels';
import { PageContainer } from '@/shared/PageContainer';

const PAGE_SIZE = 20;

type Company = CompanyListResult['companies']['items'][number];
const SORTS: { value: string; label: string; field: CompanySortField; descending: boolean }[] = [
  { value: 'name', label: '按名称', field: 'NAME', descending: false },
  { value: 'guards', label: '在册保安员（多→少）', field: 'GUARD_COUNT', descending: true },
  { value: 'expiry', label: '许可证到期（近→远）', field: 'LICENSE_EXPIRY', descending: false },
  { value: 'created', label: '登记时间（新→旧）', field: 'CREATED_AT', descending: true },
];

/** 保安服务公司名册: search, filters, sorting, licence warnings. */
export default function CompaniesPage() {
  const [filter, setFilter] = useState<CompanyFilterInput>({});
  const [sortKey, setSortKey] = useState('name');
  const [page, setPage] = useState(1);
  const sort = SORTS.find((s) => s.value === sortKey)!;
  const { data, loading, error } = useQuery(CompanyListQuery, {
    variables: { filter, sort: { field: sort.field, descending: sort.descending }, page: { page, pageSize: PAGE_SIZE } },
  });

  return (
    <PageContainer
      subTitle="资质、人员规模与以往表现"
      extra={
        <Access roles={[Role.SECURITY_DETACHMENT]}>
          <Space>
            <Link to="/companies/import">
              <Button icon={<UploadOutlined />}>导入名册</Button>
            </Link>
            <Link to="/companies/new">
              <Button type="primary" icon={<PlusOutlined />}>登记公司</Button>
            </Link>
          </Space>
        </Access>
      }
    >
      <Card variant="borderless">
        <ListScaffold<Company>
          label="保安服务公司"
          rowName={(r) => r.name}
          error={error}
          empty="没有符合条件的公司"
          filters={
            <ListFilters
              initialValues={{ sort: 'name' }}
              fields={[
                { kind: 'search', name: 'search', placeholder: '名称或统一社会信用代码' },
                { kind: 'select', name: 'district', label: '辖区', placeholder: '全部辖区', width: 120, options: Object.values(District).map((d) => ({ value: d, label: districtLabels[d] })) },
                { kind: 'select', name: 'status', label: '状态', placeholder: '全部状态', width: 110, options: Object.values(CompanyStatus).map((s) => ({ value: s, label: companyStatusLabels[s] })) },
                { kind: 'select', name: 'sort', label: '排序', width: 190, allowClear: false, options: SORTS.map(({ value, label }) => ({ value, label })) },
                { kind: 'check', name: 'qualifiedOnly', label: '只看具备资质' },
              ]}
              onChange={({ sort: key, ...rest }) => {
                setPage(1);
                setSortKey((key as string | undefined) ?? 'name');
                setFilter(rest as CompanyFilterInput);
              }}
            />
          }
          rowKey="id"
          size="middle"
          loading={loading}
          scrollX={980}
          dataSource={data?.companies.items ?? []}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.companies.total ?? 0, onChange: setPage, unit: '家' }}
          columns={[
            { title: '公司名称', dataIndex: 'name', fixed: 'left', width: 220, card: 'title', render: (name: string, r) => <Link to={`/companies/${r.id}`}>{name}</Link> },
            { title: '辖区', card: 'hidden', dataIndex: 'district', width: 80, render: (d: District) => labelOf(districtLabels, d) },
            { title: '状态', dataIndex: 'status', width: 80, render: (s: string, r) => <CompanyStatusTag status={s} reason={r.statusReason} /> },
            { title: '许可证有效期', dataIndex: 'licenseExpiry', width: 200, render: (v: string | null, r) => <LicenseExpiry expiry={v} daysLeft={r.licenseDaysLeft} /> },
            { title: '在册保安员', dataIndex: 'guardsOnRegister', width: 100, align: 'right' },
            { title: '持证', card: 'hidden', dataIndex: 'guardsWithValidCertificate', width: 80, align: 'right' },
            { title: '注册资本', card: 'hidden', dataIndex: 'registeredCapital', width: 110, align: 'right', render: (v: number | null) => formatYuan(v) },
            { title: '表现得分', dataIndex: 'performanceScore', width: 90, align: 'right', render: (v: number | null) => (v == null ? MISSING : v.toFixed(1)) },
            { title: '统一社会信用代码', card: 'hidden', dataIndex: 'creditCode', width: 190 },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
