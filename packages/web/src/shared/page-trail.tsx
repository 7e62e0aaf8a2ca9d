import { Breadcrumb } from 'antd';
import { Link } from 'react-router';

/** The breadcrumb above a page that is not itself in the menu: its list, then where it is. */
export function PageTrail({ items }: { items: readonly { label: string; to?: string }[] }) {
  return (
    <Breadcrumb
      style={{ marginBottom: 12 }}
      data-testid="page-breadcrumb"
      items={items.map((item) => ({ title: item.to ? <Link to={item.to}>{item.label}</Link> : item.label }))}
    />
  );
}
