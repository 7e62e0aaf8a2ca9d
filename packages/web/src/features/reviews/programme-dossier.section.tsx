import { PROGRAMME_KINDS, type ParticularField } from '@xiangmeng/domain';
import { Card, Descriptions, Divider, Space, Tag, Typography } from 'antd';
import { ListTable } from '../../shared/list-table';

/** What the read-only application form shows: the officer's record and the expert's dossier both. */
export type ProgrammeDossier = {
  frozenOn?: string | null;
  form: {
    startOn: string;
    endOn: string;
    responsiblePerson: string;
    responsibleUnit?: { name: string } | null;
    ipTerms: {
      ownership: string;
      licensing: string;
      onDissolution: string;
      onMemberExit: string;
      benefitShares: readonly { organizationId: string; basisPoints: number }[];
    };
    participants: readonly { organizationId: string; name: string; task: string }[];
    particulars: readonly { key: string; value: string }[];
    sections: readonly { key: string; text: string }[];
  };
  documents: readonly { documentId: string; kindLabel: string; fileName: string }[];
};

export type ProgrammeKindKey = keyof typeof PROGRAMME_KINDS;

/**
 * The application form as saved (or frozen at submission), read only. With `downloads`, each
 * document is a link (an expert seated on the application reads them through their seat).
 */
export function ProgrammeApplicationFormView({
  application: a,
  kind,
  downloads = false,
}: {
  application: ProgrammeDossier;
  kind: ProgrammeKindKey | null | undefined;
  downloads?: boolean;
}) {
  const f = a.form;
  const sectionLabel = (key: string) =>
    (kind && PROGRAMME_KINDS[kind].sections.find((s) => s.key === key)?.label) ?? key;
  return (
    <Card
      title={a.frozenOn ? `项目申请书（${a.frozenOn} 提交时冻结）` : '项目申请书'}
      data-testid="programme-application-form"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'period',
            label: '执行期',
            children: f.startOn && f.endOn ? `${f.startOn} 至 ${f.endOn}` : '—',
          },
          { key: 'unit', label: '承担单位', children: f.responsibleUnit?.name ?? '—' },
          { key: 'person', label: '项目负责人', children: f.responsiblePerson || '—' },
          { key: 'ownership', label: '知识产权归属', children: f.ipTerms.ownership || '—' },
          { key: 'licensing', label: '许可实施', children: f.ipTerms.licensing || '—' },
          { key: 'dissolution', label: '解散时处理', children: f.ipTerms.onDissolution || '—' },
          { key: 'exit', label: '成员退出时处理', children: f.ipTerms.onMemberExit || '—' },
        ]}
      />
      {kind && <ParticularDescriptions fields={PROGRAMME_KINDS[kind].particulars} values={f.particulars} />}
      <Divider titlePlacement="start">参与单位与任务分工</Divider>
      <ListTable
        size="small"
        rowKey="organizationId"
        pagination={false}
        dataSource={[...f.participants]}
        columns={[
          { title: '单位', dataIndex: 'name', key: 'name', width: 260 },
          { title: '任务分工', dataIndex: 'task', key: 'task' },
          {
            title: '利益分配',
            key: 'share',
            width: 120,
            render: (_: unknown, p: { organizationId: string }) => {
              const share = f.ipTerms.benefitShares.find((s) => s.organizationId === p.organizationId);
              return share ? `${(share.basisPoints / 100).toFixed(2)} %` : '—';
            },
          },
        ]}
      />
      {f.sections.map((s) => (
        <div key={s.key} style={{ marginTop: 12 }}>
          <Typography.Text strong>{sectionLabel(s.key)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.text}</Typography.Paragraph>
        </div>
      ))}
      <Divider titlePlacement="start">申报材料</Divider>
      {a.documents.length ? (
        <Space wrap>
          {a.documents.map((d) =>
            downloads ? (
              <a key={d.documentId} href={`/api/documents/${d.documentId}`} target="_blank" rel="noreferrer">
                {d.kindLabel}：{d.fileName}
              </a>
            ) : (
              <Tag key={d.documentId}>
                {d.kindLabel}：{d.fileName}
              </Tag>
            ),
          )}
        </Space>
      ) : (
        <Typography.Text type="secondary">未附申报材料</Typography.Text>
      )}
    </Card>
  );
}

/** The particulars as saved, read only; a value outside its list shows as stored. */
export function ParticularDescriptions({
  fields,
  values,
}: {
  fields: readonly ParticularField[];
  values: readonly { key: string; value: string }[];
}) {
  if (!fields.length) return null;
  const valueOf = (field: ParticularField) => {
    const value = values.find((v) => v.key === field.key)?.value ?? '';
    if (!value) return '—';
    if (field.type === 'oneOf') return field.options[value] ?? value;
    if (field.type === 'code') return field.codes[value] ? `${field.codes[value]}（${value}）` : value;
    return value;
  };
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      style={{ marginTop: 12 }}
      data-testid="programme-particulars"
      items={fields.map((field) => ({ key: field.key, label: field.label, children: valueOf(field) }))}
    />
  );
}
