import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Form, Input, Radio, Space } from 'antd';
import { useRef, useState } from 'react';
import { inspectionItemLabels } from '@evs/schema';
import { CHECKLIST, type ItemKey } from '@/features/inspections/checklist';
import type { CheckForm, CheckTarget, InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { photoToDataUrl } from '@/features/inspections/photo';
import { GuardAvatar } from './GuardAvatar';

/** The checklist for one guard (or a person on duty who is not on the roster), with an optional photo. */
export function CheckDrawer({ screen }: { screen: InspectionScreen }) {
  const { checking } = screen;
  return (
    <Drawer
      open={!!checking}
      onClose={screen.closeCheck}
      placement="bottom"
      size="100%"
      title={checking === 'stranger' ? '未在名单人员上岗' : checking ? `检查：${checking.name}` : ''}
      destroyOnHidden
      styles={{ body: { padding: 12 } }}
    >
      {/* keyed by the check's id: each opening is a new check, with a fresh form */}
      {checking && <Checklist key={screen.checkId} target={checking} onSubmit={screen.recordCheck} />}
    </Drawer>
  );
}

/**
 * Mounted afresh for each check: every item starts as 合格, the post as assigned, no photo. Submitted
 * once: while the check is being recorded the button shows it and further taps (or Enter) do nothing.
 */
function Checklist({ target, onSubmit }: { target: CheckTarget; onSubmit: InspectionScreen['recordCheck'] }) {
  const [form] = Form.useForm<CheckForm>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [photo, setPhoto] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  // a ref, not only the state: a double tap's second submit arrives before the button re-renders as loading
  const submitting = useRef(false);
  const [saving, setSaving] = useState(false);
  const stranger = target === 'stranger';
  // A photo is evidence of a problem and is kept with it: offered only when there is one (a person not on the
  // roster, or an item marked 不合格); the server refuses a photo with a check that found nothing.
  const results = Form.useWatch('results', form) as Record<ItemKey, boolean> | undefined;
  const hasProblem = stranger || Object.values(results ?? {}).some((ok) => ok === false);

  const pickPhoto = async (file: File | undefined) => {
    setPhotoError(null);
    if (!file) return;
    try {
      setPhoto(await photoToDataUrl(file));
    } catch (e) {
      setPhoto(null);
      setPhotoError((e as Error).message);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      className="onsite-form"
      initialValues={{
        results: Object.fromEntries(CHECKLIST.map((c) => [c.item, true])) as Record<ItemKey, boolean>,
        post: stranger ? '' : (target.post ?? ''),
      }}
      onFinish={async (values) => {
        if (submitting.current) return;
        submitting.current = true;
        setSaving(true);
        let recorded = false;
        try {
          const outcome = await onSubmit(values, hasProblem ? photo : null);
          recorded = outcome.recorded;
          if (!outcome.recorded && outcome.noteError) form.setFields([{ name: 'note', errors: [outcome.noteError] }]);
        } finally {
          // recorded: the drawer closes, and the button stays busy until it has
          if (!recorded) {
            submitting.current = false;
            setSaving(false);
          }
        }
      }}
    >
      {stranger ? (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title="将登记为严重问题：未经审查人员上岗" />
          <Form.Item name="personName" label="姓名（及证件号）" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input placeholder="如：王某，无保安员证" />
          </Form.Item>
        </>
      ) : (
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <GuardAvatar name={target.name} photo={target.photoUrl} size={64} />
          <div>
            <strong style={{ fontSize: 18 }}>{target.name}</strong>
            <div className="muted">证号 {target.certificateNo ?? '—'}</div>
            <div className="muted">{target.companyName}</div>
          </div>
        </Flex>
      )}
      <Form.Item name="post" label="岗位">
        <Input placeholder="岗位" />
      </Form.Item>
      {!stranger &&
        CHECKLIST.map((c) => (
          <div key={c.item} className="onsite-check">
            <div>
              <strong>{inspectionItemLabels[c.item]}</strong>
              <div className="muted">{c.hint}</div>
            </div>
            <Form.Item name={['results', c.item]} noStyle>
              <Radio.Group buttonStyle="solid" optionType="button" aria-label={inspectionItemLabels[c.item]}
                options={[{ value: true, label: '合格' }, { value: false, label: '不合格', className: 'bad' }]} />
            </Form.Item>
          </div>
        ))}
      <Form.Item name="note" label="问题说明" style={{ marginTop: 12 }}>
        <Input.TextArea rows={2} maxLength={1000} placeholder="不合格时说明情况" />
      </Form.Item>
      <input ref={fileInput} type="file" accept="image/jpeg,image/png" capture="environment" hidden onChange={(e) => void pickPhoto(e.target.files?.[0])} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        {hasProblem && (
          <Button block icon={<CameraOutlined />} onClick={() => fileInput.current?.click()}>{photo ? '重新拍照' : '拍照（可选，随问题登记）'}</Button>
        )}
        {hasProblem && photo && <img src={photo} alt="现场照片" className="onsite-photo" />}
        {photoError && <Alert type="error" showIcon title={photoError} />}
        <Button type="primary" htmlType="submit" block className="onsite-big" loading={saving}>提交检查</Button>
      </Space>
    </Form>
  );
}
