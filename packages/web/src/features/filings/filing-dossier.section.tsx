import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  DOCUMENT_KIND_LABELS,
  FILING_DOCUMENT_KIND_LABELS,
  SIGNIFICANCE_LEVEL_LABELS,
  SIGNIFICANCE_MAX_CHARS,
  SIGNIFICANCE_MIN_CHARS,
  type FilingDocumentKind,
  type SignificanceLevel,
} from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { toApiError, type ApiError } from '../../shared/api-error';
import { showViolationsOnForm } from '../../shared/form-violations';
import { chinaDateTime } from '../../shared/format';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import { formatBytes } from '../documents/alliance-documents.section';
import { isFilingDocumentKind, isSignificanceLevel, shortSha256 } from './filing-values';
import { FilingAllianceDocumentsQuery, UpdateFilingMutation, type FilingDetail } from './filings.operations';
import { ListTable } from '../../shared/list-table';

type DocumentValue = { documentId?: string; kind?: FilingDocumentKind };
type FormValues = {
  significance: string;
  level: SignificanceLevel | undefined;
  documents: DocumentValue[];
};

const KINDS = Object.keys(FILING_DOCUMENT_KIND_LABELS) as FilingDocumentKind[];
const LEVELS = Object.keys(SIGNIFICANCE_LEVEL_LABELS) as SignificanceLevel[];

function initialValues(filing: FilingDetail): FormValues {
  return {
    significance: filing.significance,
    level: isSignificanceLevel(filing.level) ? filing.level : undefined,
    documents: filing.documents.map((d) => ({
      documentId: d.documentId,
      kind: isFilingDocumentKind(d.kind) ? d.kind : undefined,
    })),
  };
}

// `documents.0.kind` → ['documents', 0, 'kind']; `documents.RECOMMENDATION_LETTER` (a missing kind) has no field.
function toPath(field: string): (string | number)[] | null {
  const parts = field.replace(/^input\./, '').split('.');
  if (parts[0] === 'documents' && parts.length > 1 && !/^\d+$/.test(parts[1] ?? '')) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const kindLabel = (kind: string) => (isFilingDocumentKind(kind) ? FILING_DOCUMENT_KIND_LABELS[kind] : kind);

/** The round's required kinds, each marked attached or not. */
function RequiredKinds({ required, attached }: { required: readonly string[]; attached: readonly string[] }) {
  if (required.length === 0) return <Typography.Text type="secondary">本批次未要求特定材料</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid="filing-required-kinds">
      {required.map((kind) => {
        const done = attached.includes(kind);
        return (
          <Tag key={kind} color={done ? 'success' : 'warning'}>
            {done ? '已附' : '未附'}：{kindLabel(kind)}
          </Tag>
        );
      })}
    </Space>
  );
}

/**
 * 备案材料: the significance statement, the level claimed and the documents, each an alliance
 * document under the kind the round asks for. Edited by the filing city while a draft or returned.
 */
export function FilingDossierSection({
  filing,
  editable,
  onDirtyChange,
}: {
  filing: FilingDetail;
  editable: boolean;
  onDirtyChange: (dirty: boolean) => void;
}) {
  if (!editable) return <ReadOnlyDossier filing={filing} />;
  return <EditableDossier filing={filing} onDirtyChange={onDirtyChange} />;
}

function ReadOnlyDossier({ filing }: { filing: FilingDetail }) {
  return (
    <Flex vertical gap={16} data-testid="filing-dossier-readonly">
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'level',
            label: '申明的影响层级',
            children: isSignificanceLevel(filing.level) ? SIGNIFICANCE_LEVEL_LABELS[filing.level] : '未选择',
          },
          {
            key: 'significance',
            label: '重大影响说明',
            children: filing.significance.trim() ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {filing.significance}
              </Typography.Paragraph>
            ) : (
              '未填写'
            ),
          },
          {
            key: 'required',
            label: '批次要求的材料',
            children: (
              <RequiredKinds
                required={filing.round.requiredDocuments}
                attached={filing.documents.map((d) => d.kind)}
              />
            ),
          },
        ]}
      />
      <FilingDocumentsTable documents={filing.documents} />
    </Flex>
  );
}

/** Documents by kind, name (a link where it may be opened), size and SHA-256 (the whole hash on hover, copyable). */
export function FilingDocumentsTable({
  documents,
}: {
  documents: readonly {
    documentId: string;
    kind: string;
    name: string;
    sha256: string;
    size: number;
    downloadUrl?: string;
  }[];
}) {
  return (
    <ListTable
      size="small"
      rowKey="documentId"
      pagination={false}
      dataSource={documents}
      scroll={{ x: 760 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未附材料" /> }}
      columns={[
        { title: '材料类别', key: 'kind', width: 150, render: (_: unknown, d) => kindLabel(d.kind) },
        {
          title: '文件名',
          key: 'name',
          width: 260,
          ellipsis: true,
          render: (_: unknown, d) => (d.downloadUrl ? <a href={d.downloadUrl}>{d.name}</a> : d.name),
        },
        { title: '大小', key: 'size', width: 100, render: (_: unknown, d) => formatBytes(d.size) },
        {
          title: 'SHA-256',
          key: 'sha256',
          width: 250,
          render: (_: unknown, d) => (
            <Typography.Text code copyable={{ text: d.sha256 }} title={d.sha256}>
              {shortSha256(d.sha256)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function EditableDossier({
  filing,
  onDirtyChange,
}: {
  filing: FilingDetail;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const documents = useQuery(FilingAllianceDocumentsQuery, {
    variables: { id: filing.allianceId },
    fetchPolicy: 'cache-and-network',
  });
  const [update, { loading }] = useMutation(UpdateFilingMutation, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  const attached = (Form.useWatch('documents', form) ?? []).flatMap((d) => (d?.kind ? [d.kind] : []));
  const available = documents.data?.alliance.documents ?? [];
  const documentOptions = available.map((d) => ({
    value: d.id,
    label: `${d.fileName}（${DOCUMENT_KIND_LABELS[d.kind]}，${chinaDateTime(d.uploadedAt)} 上传）`,
  }));

  async function save(values: FormValues) {
    setFormError(null);
    setStale(null);
    try {
      await update({
        variables: {
          input: {
            id: filing.id,
            version: filing.version,
            significance: values.significance.trim(),
            level: values.level ?? null,
            documents: values.documents.flatMap((d) =>
              d.documentId && d.kind ? [{ documentId: d.documentId, kind: d.kind }] : [],
            ),
          },
        },
      });
      onDirtyChange(false);
      void message.success('备案材料已保存');
    } catch (error) {
      const apiError = toApiError(error);
      // Someone saved first: keep what was typed on screen and offer their version.
      if (isStaleEdit(apiError)) setStale(apiError);
      else setFormError(showViolationsOnForm(form, apiError, toPath));
    }
  }

  return (
    <>
      {filing.state === 'RETURNED' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`备案已退回修改，请在 ${filing.correctionDeadline ?? '补正期限'} 前补正并重新提交`}
          description={filing.lastReason ? `退回理由：${filing.lastReason}` : undefined}
        />
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      {stale && (
        <StaleEditAlert
          error={stale}
          // The page keys this form by version: the newer filing starts it over.
          onReload={() => client.refetchQueries({ include: 'active' })}
        />
      )}
      <Form<FormValues>
        form={form}
        name="filing-dossier"
        layout="vertical"
        initialValues={initialValues(filing)}
        onValuesChange={() => onDirtyChange(true)}
        onFinish={(v) => void save(v)}
        style={{ maxWidth: 900 }}
      >
        <Form.Item label="申明的影响层级" name="level">
          <Radio.Group
            data-testid="filing-level"
            options={LEVELS.map((level) => ({ value: level, label: SIGNIFICANCE_LEVEL_LABELS[level] }))}
          />
        </Form.Item>
        <Form.Item
          label="重大影响说明"
          name="significance"
          extra={`联盟对全省相关产业发展的重大影响，${SIGNIFICANCE_MIN_CHARS}–${SIGNIFICANCE_MAX_CHARS} 字（第二十一条）`}
          rules={[
            { max: SIGNIFICANCE_MAX_CHARS, message: `重大影响说明不超过 ${SIGNIFICANCE_MAX_CHARS} 字` },
            // A draft may be saved short; the submission refuses it.
            {
              min: SIGNIFICANCE_MIN_CHARS,
              warningOnly: true,
              message: `提交时重大影响说明不少于 ${SIGNIFICANCE_MIN_CHARS} 字`,
            },
          ]}
        >
          <Input.TextArea
            rows={6}
            count={{ show: true, max: SIGNIFICANCE_MAX_CHARS }}
            data-testid="filing-significance"
          />
        </Form.Item>
        <Form.Item label="批次要求的材料">
          <RequiredKinds required={filing.round.requiredDocuments} attached={attached} />
        </Form.Item>
        <Form.List name="documents">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              <Typography.Text strong style={{ marginBottom: 8 }}>
                备案材料（从联盟名录「文件」中已上传的文件选择）
              </Typography.Text>
              {fields.length === 0 && (
                <Typography.Text type="secondary" style={{ marginBottom: 8 }}>
                  尚未附材料
                </Typography.Text>
              )}
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start" data-testid="filing-document-row">
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[{ required: true, message: '请选择材料类别' }]}
                    style={{ width: 200, flex: 'none' }}
                  >
                    <Select
                      placeholder="材料类别"
                      options={KINDS.map((kind) => ({
                        value: kind,
                        label: FILING_DOCUMENT_KIND_LABELS[kind],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'documentId']}
                    rules={[{ required: true, message: '请选择文件' }]}
                    style={{ flex: 1, minWidth: 0 }}
                  >
                    <Select
                      placeholder="选择文件"
                      loading={documents.loading && !documents.data}
                      options={documentOptions}
                      notFoundContent={
                        documents.error
                          ? toApiError(documents.error).message
                          : '联盟名录中暂无文件，请先在联盟详情的「文件」中上传'
                      }
                    />
                  </Form.Item>
                  <Button
                    aria-label="移除该材料"
                    icon={<DeleteOutlined />}
                    onClick={() => {
                      remove(field.name);
                      onDirtyChange(true);
                    }}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                style={{ alignSelf: 'start', marginBottom: 16 }}
                data-testid="filing-document-add"
              >
                添加材料
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="filing-dossier-save">
          保存备案材料
        </Button>
      </Form>
    </>
  );
}
