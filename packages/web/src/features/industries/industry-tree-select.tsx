import { useQuery } from '@apollo/client/react';
import { INDUSTRY_CATEGORY_LABELS, type IndustryCategory } from '@xiangmeng/domain';
import { TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { toApiError } from '../../shared/api-error';
import type { IndustriesQuery as IndustriesResult } from '../../gql/graphql';
import { IndustriesQuery } from './industries.operations';

type Industry = IndustriesResult['industries'][number];
type IndustryNode = { value: string; title: string; selectable?: boolean; children?: IndustryNode[] };

/** The taxonomy from the API, one branch per category (战略性新兴产业, 湖南传统支柱产业). */
function industryTree(industries: readonly Industry[]): IndustryNode[] {
  const node = (industry: Industry): IndustryNode => {
    const children = industries.filter((i) => i.parentCode === industry.code).map(node);
    return { value: industry.code, title: industry.name, children: children.length ? children : undefined };
  };
  const categories = [...new Set(industries.map((i) => i.category))];
  return categories.map((category: IndustryCategory) => ({
    value: `category:${category}`,
    title: INDUSTRY_CATEGORY_LABELS[category],
    selectable: false,
    children: industries.filter((i) => i.category === category && i.parentCode === null).map(node),
  }));
}

/** A form control choosing an industry code; a first-level class stands for itself and its sub-classes. */
export function IndustryTreeSelect({
  id,
  value,
  onChange,
  placeholder = '请选择产业分类',
  allowClear = false,
  style,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}) {
  const { data, loading, error } = useQuery(IndustriesQuery);
  const [search, setSearch] = useState('');
  const tree = useMemo(() => industryTree(data?.industries ?? []), [data]);
  const categoryKeys = useMemo(() => tree.map((node) => node.value), [tree]);
  // While searching, the matches are listed flat: the category branches cannot be chosen, and the
  // tree's keyboard selection (type, then Enter) skips everything beneath an unselectable node.
  const matches = useMemo(() => {
    const text = search.trim();
    return (data?.industries ?? [])
      .filter((industry) => industry.name.includes(text))
      .map((industry) => ({ value: industry.code, title: industry.name }));
  }, [data, search]);
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(code) => {
        setSearch('');
        onChange?.(code);
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      treeData={search.trim() ? matches : tree}
      showSearch={{ searchValue: search, onSearch: setSearch, treeNodeFilterProp: 'title' }}
      // Remounted once the taxonomy has loaded, so both categories start open.
      key={categoryKeys.join()}
      treeDefaultExpandedKeys={categoryKeys}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={loading}
      notFoundContent={error ? `产业分类加载失败：${toApiError(error).message}` : '没有匹配的产业分类'}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
