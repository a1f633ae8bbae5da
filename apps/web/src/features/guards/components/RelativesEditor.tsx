import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { RelativeRelation, relativeRelationLabels, relativesStatementProblem } from '@evs/schema';
import { compactCode, idNumberRule, nextRelation, personNameRule } from '../guardForm';

/** The statement's rule: the shared one (it says why in words, “。” or “ㅤ” says nothing; at most 200 characters). */
const statementRule = {
  validator: async (_: unknown, v?: string) => {
    const p = relativesStatementProblem(v);
    if (p) throw new Error(p);
  },
};

/** 直系亲属: relation, name and ID number of each, and why a parent is missing (父母均须登记). */
export function RelativesEditor() {
  return (
    <>
      <Form.List name="relatives">
        {(items, { add, remove }) => (
          <>
            {items.map((item) => (
              <Row key={item.key} gutter={8} align="top">
                <Col xs={8} md={4}>
                  <Form.Item name={[item.name, 'relation']} rules={[{ required: true, message: '关系' }]}>
                    <Select placeholder="关系" options={Object.values(RelativeRelation).map((r) => ({ value: r, label: relativeRelationLabels[r] }))} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={6}>
                  <Form.Item name={[item.name, 'name']} rules={[personNameRule()]}>
                    <Input placeholder="姓名" />
                  </Form.Item>
                </Col>
                <Col xs={20} md={12}>
                  <Form.Item name={[item.name, 'idNumber']} normalize={compactCode} rules={[idNumberRule(true)]}>
                    <Input placeholder="身份证号" maxLength={18} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label="删除该亲属" />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ relation: nextRelation(items.length) })} style={{ marginBottom: 16 }}>
              添加亲属
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name="relativesStatement"
        label="未登记父亲或母亲的原因"
        extra="父母均须登记；如已故、不详等无法登记，请在此说明。未申报完整的人员不会被建议审核通过。"
        rules={[statementRule]}
      >
        <Input.TextArea rows={2} maxLength={200} placeholder="如：父亲已故" />
      </Form.Item>
    </>
  );
}
