import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { chinaDateTime } from '../../shared/format';
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  checkDocumentFile,
  DOCUMENT_FILE_PROBLEM_LABELS,
  DOCUMENT_KIND_LABELS,
  MAX_DOCUMENT_BYTES,
  type DocumentKind,
} from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Select,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError, type ApiError } from '../../shared/api-error';
import type { AllianceDocumentsQuery as AllianceDocumentsResult } from '../../gql/graphql';
import { showViolationsOnForm } from '../../shared/form-violations';
import { AllianceDocumentsQuery } from './documents.operations';
import { ListTable } from '../../shared/list-table';

type DocumentRow = AllianceDocumentsResult['alliance']['documents'][number];
type UploadValues = { kind: DocumentKind; file: UploadFile[] };

const KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** The upload endpoint answers the document, or the same {code, message, violations} as GraphQL errors. */
async function uploadDocument(allianceId: string, kind: DocumentKind, file: File): Promise<ApiError | null> {
  const body = new FormData();
  body.set('file', file, file.name);
  body.set('allianceId', allianceId);
  body.set('kind', kind);
  return postUpload('/api/documents', body);
}

/** Posts a multipart upload to one of the API's upload routes; the refusal as an ApiError, or null. */
export async function postUpload(url: string, body: FormData): Promise<ApiError | null> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-xiangmeng-request': '1' },
    });
  } catch {
    return toApiError(new Error('network'));
  }
  if (response.ok) return null;
  const answer = (await response.json().catch(() => null)) as {
    code?: unknown;
    message?: unknown;
    violations?: unknown;
  } | null;
  const violations = Array.isArray(answer?.violations)
    ? answer.violations.flatMap((v: unknown) => {
        const { field, rule, message } = (v ?? {}) as Record<string, unknown>;
        return typeof field === 'string' && typeof message === 'string'
          ? [{ field, rule: typeof rule === 'string' ? rule : '', message }]
          : [];
      })
    : [];
  return {
    code: typeof answer?.code === 'string' ? answer.code : `HTTP_${response.status}`,
    message: typeof answer?.message === 'string' ? answer.message : '上传失败，请稍后再试',
    violations,
  };
}

/** 文件: agreement scans, feasibility reports and attachments, each kept with its SHA-256. */
export function DocumentsSection({ allianceId, editable }: { allianceId: string; editable: boolean }) {
  const { data, loading, error, refetch } = useQuery(AllianceDocumentsQuery, {
    variables: { id: allianceId },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <PageLoading />;
  if (!data)
    return <LoadFailure error={toApiError(error)} onRetry={() => void refetch().catch(() => undefined)} />;

  const columns: TableColumnsType<DocumentRow> = [
    {
      title: '文件名',
      key: 'fileName',
      render: (_: unknown, d) => <a href={d.downloadUrl}>{d.fileName}</a>,
    },
    { title: '类别', key: 'kind', width: 140, render: (_: unknown, d) => DOCUMENT_KIND_LABELS[d.kind] },
    {
      title: '大小',
      key: 'size',
      width: 100,
      align: 'right',
      render: (_: unknown, d) => formatBytes(Number(d.sizeBytes)),
    },
    {
      title: 'SHA-256',
      key: 'sha256',
      width: 220,
      render: (_: unknown, d) => (
        <Typography.Text
          copyable={{ text: d.sha256, tooltips: ['复制 SHA-256', '已复制'] }}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          title={d.sha256}
        >
          {`${d.sha256.slice(0, 16)}…`}
        </Typography.Text>
      ),
    },
    {
      title: '上传时间',
      key: 'uploadedAt',
      width: 150,
      render: (_: unknown, d) => chinaDateTime(d.uploadedAt),
    },
    {
      title: '下载',
      key: 'download',
      width: 80,
      render: (_: unknown, d) => (
        <Button
          type="link"
          href={d.downloadUrl}
          icon={<DownloadOutlined />}
          aria-label={`下载 ${d.fileName}`}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {editable && <UploadForm allianceId={allianceId} />}
      <ListTable<DocumentRow>
        rowKey="id"
        columns={columns}
        dataSource={data.alliance.documents}
        pagination={false}
        size="middle"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未上传文件" /> }}
      />
    </Flex>
  );
}

function UploadForm({ allianceId }: { allianceId: string }) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [form] = Form.useForm<UploadValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);

  async function upload(values: UploadValues) {
    const file = values.file[0]?.originFileObj;
    if (!file) return;
    setFormError(null);
    // The same content check the API makes, so an unacceptable file is named before it is sent.
    const content =
      file.size <= MAX_DOCUMENT_BYTES ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const check = checkDocumentFile(file.name, file.size, content);
    if (!check.ok) {
      form.setFields([{ name: 'file', errors: [DOCUMENT_FILE_PROBLEM_LABELS[check.problem]] }]);
      return;
    }
    setUploading(true);
    const failure = await uploadDocument(allianceId, values.kind, file);
    setUploading(false);
    if (failure) {
      setFormError(showViolationsOnForm(form, failure));
      return;
    }
    void message.success(`已上传「${file.name}」`);
    form.resetFields(['file']);
    await client.refetchQueries({ include: 'active' }).catch(() => undefined);
  }

  return (
    <Form<UploadValues>
      form={form}
      name="upload-document"
      layout="inline"
      initialValues={{ kind: 'AGREEMENT_SCAN', file: [] }}
      onFinish={(values) => void upload(values)}
      style={{ rowGap: 8 }}
    >
      <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择文件类别' }]}>
        <Select
          style={{ width: 180 }}
          options={KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }))}
        />
      </Form.Item>
      <Form.Item
        label="文件"
        name="file"
        valuePropName="fileList"
        getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
        rules={[
          {
            validator: (_rule, value: UploadFile[] | undefined) =>
              value?.length ? Promise.resolve() : Promise.reject(new Error('请选择要上传的文件')),
          },
        ]}
      >
        <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.docx,.jpg,.jpeg,.png">
          <Button icon={<UploadOutlined />}>选择文件</Button>
        </Upload>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={uploading}>
          上传
        </Button>
      </Form.Item>
      <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
        PDF、DOCX、JPEG、PNG，不超过 {MAX_DOCUMENT_BYTES / 1024 / 1024} MB
      </Typography.Text>
      {formError && <Alert type="error" showIcon title={formError} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}
