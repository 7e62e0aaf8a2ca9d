import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorCode, isStaff } from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Result,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { toApiError } from '../../shared/api-error';
import { chinaDateTime } from '../../shared/format';
import { PageLoading } from '../../shared/page-loading';
import { LoadFailure } from '../../shared/page-states';
import { useViewer } from '../auth/viewer.provider';
import { formatBytes, postUpload } from '../documents/alliance-documents.section';
import { NoticeFormModal } from './notice-form.modal';
import {
  DetachNoticeDocumentMutation,
  NoticeQuery,
  NoticesForMeQuery,
  OwnNoticesQuery,
  PublishNoticeMutation,
} from './notices.operations';
import { WithdrawNoticeModal } from './withdraw-notice.modal';

/** 通知详情: the notice as its readers see it; for the publisher's staff, its draft steps and attachments. */
export function NoticeDetailPage() {
  const { noticeId = '' } = useParams();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const { viewer } = useViewer();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(NoticeQuery, {
    variables: { id: noticeId },
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = [NoticeQuery, OwnNoticesQuery, NoticesForMeQuery];
  const [publish] = useMutation(PublishNoticeMutation, { refetchQueries });
  const [detach] = useMutation(DetachNoticeDocumentMutation, { refetchQueries: [NoticeQuery] });

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND) {
      return (
        <Result
          status="404"
          title="通知不存在"
          subTitle="该通知不存在、已撤回，或不是发给您的。"
          extra={
            <Button type="primary" onClick={() => void navigate('/notices')}>
              返回通知公告
            </Button>
          }
        />
      );
    }
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }

  const notice = data.notice;
  const own = viewer !== null && isStaff(viewer.roles) && viewer.tenant.id === notice.publisherTenantId;
  const draft = own && notice.state === 'DRAFT';

  const confirmPublish = () =>
    void modal.confirm({
      title: '发布通知',
      content: `发布后将发送给：${notice.audienceLabels.join('、')}；发布后不能修改，只能撤回。`,
      okText: '发布',
      cancelText: '取消',
      onOk: async () => {
        try {
          await publish({ variables: { id: notice.id, version: notice.version } });
          void message.success('通知已发布');
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });

  const upload = async (file: File) => {
    setUploadError(null);
    const body = new FormData();
    body.set('file', file, file.name);
    const refusal = await postUpload(`/api/notices/${notice.id}/attachments`, body);
    if (refusal) setUploadError(refusal.violations[0]?.message ?? refusal.message);
    else {
      void message.success(`已上传 ${file.name}`);
      await refetch();
    }
  };

  const remove = (documentId: string, fileName: string) =>
    void modal.confirm({
      title: '移除附件',
      content: `从草稿中移除《${fileName}》？文件本身仍保留在档案中。`,
      okText: '移除',
      cancelText: '取消',
      onOk: async () => {
        try {
          await detach({ variables: { noticeId: notice.id, documentId } });
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space size={8} wrap>
            {notice.pinned && <Tag color="red">置顶</Tag>}
            <span data-testid="notice-heading">{notice.title}</span>
          </Space>
        }
        extra={
          own && (
            <Space>
              {draft && (
                <Button onClick={() => setEditing(true)} data-testid="notice-edit">
                  编辑
                </Button>
              )}
              {draft && (
                <Button type="primary" onClick={confirmPublish} data-testid="notice-publish">
                  发布
                </Button>
              )}
              {notice.state === 'PUBLISHED' && (
                <Button danger onClick={() => setWithdrawing(true)} data-testid="notice-withdraw">
                  撤回
                </Button>
              )}
            </Space>
          )
        }
      >
        <Flex vertical gap={12}>
          {notice.state === 'WITHDRAWN' && (
            <Alert
              type="warning"
              showIcon
              title={`已于 ${chinaDateTime(notice.withdrawnAt)} 撤回`}
              description={notice.withdrawalReason ? `撤回理由：${notice.withdrawalReason}` : undefined}
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'publisher', label: '发布单位', children: notice.publisherName },
              {
                key: 'publishedAt',
                label: '发布时间',
                children: notice.publishedAt ? chinaDateTime(notice.publishedAt) : '未发布',
              },
              {
                key: 'state',
                label: '状态',
                children: <span data-testid="notice-state">{notice.stateLabel}</span>,
              },
              { key: 'audiences', label: '发送范围', children: notice.audienceLabels.join('、'), span: 3 },
            ]}
          />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="notice-body-text">
            {notice.body || '（无正文）'}
          </Typography.Paragraph>
        </Flex>
      </Card>
      <Card
        title="附件"
        extra={
          draft && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button data-testid="notice-upload">上传附件</Button>
            </Upload>
          )
        }
      >
        {uploadError && <Alert type="error" showIcon title={uploadError} style={{ marginBottom: 12 }} />}
        {notice.attachments.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有附件" />
        ) : (
          <List
            dataSource={notice.attachments}
            data-testid="notice-attachments"
            renderItem={(a) => (
              <List.Item
                actions={
                  draft
                    ? [
                        <Button
                          key="remove"
                          type="link"
                          danger
                          size="small"
                          onClick={() => remove(a.documentId, a.fileName)}
                        >
                          移除
                        </Button>,
                      ]
                    : []
                }
              >
                <Space>
                  <a href={`/api/documents/${a.documentId}`}>{a.fileName}</a>
                  <Typography.Text type="secondary">{formatBytes(Number(a.sizeBytes))}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {viewer && own && (
        <NoticeFormModal
          open={editing}
          level={viewer.tenant.level}
          draft={{
            id: notice.id,
            version: notice.version,
            title: notice.title,
            body: notice.body,
            audiences: notice.audiences,
            pinned: notice.pinned,
          }}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success('草稿已保存');
            void refetch();
          }}
        />
      )}
      <WithdrawNoticeModal
        notice={withdrawing ? notice : null}
        onClose={() => setWithdrawing(false)}
        onDone={() => {
          setWithdrawing(false);
          void message.success('通知已撤回');
          void refetch();
        }}
      />
    </Flex>
  );
}
