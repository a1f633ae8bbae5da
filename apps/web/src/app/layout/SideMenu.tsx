import { Menu, type MenuProps } from 'antd';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { useSession } from '@/shared/session';
import { featureRoutes, listedFor, titleFor } from '../routes';

type Item = Required<MenuProps>['items'][number];

/** The role's menu, straight from the route registry; groups keep their first appearance's order. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useSession();
  const role = me.role;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = featureRoutes.filter((r) => r.menu && listedFor(r, me));

  const items: Item[] = [];
  const groups = new Map<string, Item[]>();
  for (const r of visible) {
    const item: Item = { key: r.path, icon: r.menu!.icon, label: titleFor(r, role) };
    const group = r.menu!.group;
    if (!group) {
      items.push(item);
      continue;
    }
    if (!groups.has(group)) {
      const children: Item[] = [];
      groups.set(group, children);
      items.push({ type: 'group', key: `group:${group}`, label: group, children });
    }
    groups.get(group)!.push(item);
  }

  // the deepest menu entry containing the current path (a detail page lights up its list); none on
  // an address no page has (the 404 page under /audit/… is not 审计日志)
  const known = featureRoutes.some((r) => matchPath(r.path, pathname));
  const selected = !known ? undefined : visible
    .map((r) => r.path)
    .filter((p) => p === pathname || (p !== '/' && pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
