import { UploadOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Form, Input, Upload } from 'antd';
import { photoProblem, readAsDataUrl } from '../guardForm';

/** The guard's photo: shown square, replaced by an upload (JPEG or PNG up to 300 KB) or removed; fixed while `locked` (on an open roster). */
export function GuardPhotoField({ shown, onChange, locked = false }: { shown: string | null | undefined; onChange: (photo: string | null) => void; locked?: boolean }) {
  const { message } = App.useApp();
  return (
    <Flex vertical align="center" gap={8} style={{ width: 120 }}>
      <Avatar shape="square" size={112} src={shown || undefined}>照片</Avatar>
      {!locked && (
        <>
          <Upload
            accept="image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={async (file) => {
              const problem = photoProblem(file);
              if (problem) message.error(problem);
              else onChange(await readAsDataUrl(file));
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />}>上传照片</Button>
          </Upload>
          {shown && <Button size="small" type="link" danger onClick={() => onChange(null)}>删除照片</Button>}
        </>
      )}
      <Form.Item name="photo" hidden><Input /></Form.Item>
    </Flex>
  );
}
