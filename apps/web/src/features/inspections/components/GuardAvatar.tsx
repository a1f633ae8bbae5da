import { Avatar } from 'antd';

/** A guard's registered photo, or the first character of the name. */
export function GuardAvatar({ name, photo, size = 52 }: { name: string; photo?: string | null; size?: number }) {
  return photo ? <Avatar size={size} src={photo} /> : <Avatar size={size} style={{ background: '#1f4e99', fontSize: size / 2.6 }}>{name.slice(0, 1)}</Avatar>;
}
