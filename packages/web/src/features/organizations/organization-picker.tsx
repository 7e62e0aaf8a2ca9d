import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Divider, Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../shared/api-error';
import type { OrganizationFieldsFragment } from '../../gql/graphql';
import { AddOrganizationModal, organizationDraftFromSearch } from './add-organization.modal';
import { OrganizationTags } from './organization-tags';
import { OrganizationSearchQuery } from './organizations.operations';

export type PickedOrganization = OrganizationFieldsFragment;

const SEARCH_DELAY_MS = 250;

/**
 * Chooses an organization from the province-wide directory by name or credit code; one that is
 * not there yet is added on the spot (新增单位) and chosen. A form control: value is the id.
 */
export function OrganizationPicker({
  id,
  value,
  onChange,
  onPicked,
  excludeIds = [],
}: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** The whole directory entry of the chosen organization, for showing its facts beside the picker. */
  onPicked?: (organization: PickedOrganization | null) => void;
  /** Organizations that cannot be chosen here (e.g. already current members). */
  excludeIds?: readonly string[];
}) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<PickedOrganization | null>(null);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<ReturnType<typeof organizationDraftFromSearch>>({});
  // Each opening gets a fresh form (the modal is keyed by it), never the last one's values.
  const [openings, setOpenings] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const { data, previousData, loading, error } = useQuery(OrganizationSearchQuery, {
    variables: { search, first: 20 },
  });
  const found = (data ?? previousData)?.organizations ?? [];
  const candidates = picked && !found.some((o) => o.id === picked.id) ? [picked, ...found] : found;

  function choose(organization: PickedOrganization | null) {
    setPicked(organization);
    onPicked?.(organization);
    onChange?.(organization?.id);
  }

  return (
    <>
      <Select<string>
        id={id}
        value={value}
        placeholder="输入单位名称或统一社会信用代码查找"
        allowClear
        open={open}
        onOpenChange={setOpen}
        showSearch={{ filterOption: false, onSearch: setTyped, autoClearSearchValue: false }}
        loading={loading}
        onChange={(chosen) => choose(candidates.find((o) => o.id === chosen) ?? null)}
        options={candidates.map((o) => ({
          value: o.id,
          label: o.name,
          disabled: excludeIds.includes(o.id),
          organization: o,
        }))}
        optionRender={(option) => {
          const organization = (option.data as { organization: PickedOrganization }).organization;
          return (
            <Flex justify="space-between" align="center" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                <span>
                  {organization.name}
                  {excludeIds.includes(organization.id) && (
                    <Typography.Text type="secondary">（已是现有成员）</Typography.Text>
                  )}
                </span>
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                  {organization.creditCode}
                </Typography.Text>
              </Flex>
              <OrganizationTags organization={organization} />
            </Flex>
          );
        }}
        notFoundContent={
          error ? (
            <Typography.Text type="danger">{toApiError(error).message}</Typography.Text>
          ) : loading ? (
            '查找中…'
          ) : (
            '名录中没有匹配的单位'
          )
        }
        popupRender={(menu) => (
          <>
            {menu}
            <Divider style={{ margin: '4px 0' }} />
            <Button
              type="link"
              icon={<PlusOutlined />}
              // Keeps the focus (and what was typed) in the picker until the click is handled.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setDraft(organizationDraftFromSearch(typed));
                setOpen(false);
                setOpenings(openings + 1);
                setAdding(true);
              }}
            >
              新增单位
            </Button>
          </>
        )}
      />
      <AddOrganizationModal
        key={openings}
        open={adding}
        initialValues={draft}
        onClose={() => setAdding(false)}
        onCreated={(organization) => {
          setAdding(false);
          choose(organization);
        }}
      />
    </>
  );
}
