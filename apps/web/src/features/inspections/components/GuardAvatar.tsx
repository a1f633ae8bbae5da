/**
 * A guard's registered photo (its address: loaded when the row comes into view), or the first
 * character of the name. Plain markup (onsite.css): antd's
 * Avatar measures its text after every render, a forced layout per guard that cost the on-site
 * roster about 200 ms on a slowed phone.
 */
export function GuardAvatar({ name, photo, size = 52 }: { name: string; photo?: string | null; size?: number }) {
  return (
    <span className="guard-avatar" style={{ width: size, height: size, fontSize: size / 2.6 }}>
      {photo ? <img src={photo} alt="" loading="lazy" decoding="async" /> : name.slice(0, 1)}
    </span>
  );
}
