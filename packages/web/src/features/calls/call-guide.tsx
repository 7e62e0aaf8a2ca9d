import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { callGuideChangeable } from '@xiangmeng/domain';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../shared/api-error';
import { postUpload } from '../documents/alliance-documents.section';
import { RemoveCallGuideMutation } from './calls.operations';

export type CallGuideView = { id: string; fileName: string; sha256: string; downloadUrl: string };

/** Whether the viewer's tier may change the call's guide now: its own call, a draft or not yet closed. */
export function guideChangeableNow(
  call: { status: string; closesAt: string },
  own: boolean,
  staff: boolean,
): boolean {
  return (
    own &&
    staff &&
    (call.status === 'DRAFT' || call.status === 'PUBLISHED') &&
    callGuideChangeable({ status: call.status, closesAt: new Date(call.closesAt) }, new Date())
  );
}

/**
 * 申报指南 of a call (pilot or programme): the download for whoever reads the call; for the
 * publishing tier's staff while the call is a draft or open, upload, replace and remove (each
 * change is kept in the call's history).
 */
export function CallGuide({
  callId,
  guide,
  changeable,
  onChanged,
}: {
  callId: string;
  guide: CallGuideView | null | undefined;
  changeable: boolean;
  onChanged?: () => Promise<unknown>;
}) {
  const { modal, message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [remove] = useMutation(RemoveCallGuideMutation);

  const upload = async (file: File) => {
    setUploading(true);
    const body = new FormData();
    body.set('file', file, file.name);
    const refusal = await postUpload(`/api/calls/${callId}/guide`, body).finally(() => setUploading(false));
    if (refusal) void message.error(refusal.violations[0]?.message ?? refusal.message);
    else {
      void message.success(`申报指南已${guide ? '更换' : '上传'}：${file.name}`);
      await onChanged?.();
    }
  };

  const confirmRemove = (current: CallGuideView) =>
    void modal.confirm({
      title: '删除申报指南',
      content: `删除《${current.fileName}》？申报单位将不再看到该指南；文件和更换记录仍留存备查。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove({ variables: { callId } });
          void message.success('申报指南已删除');
          await onChanged?.();
        } catch (failure) {
          void message.error(toApiError(failure).message);
        }
      },
    });

  return (
    <Space size={4} wrap data-testid="call-guide">
      {guide ? (
        <a href={guide.downloadUrl} download={guide.fileName} title={`SHA-256：${guide.sha256}`}>
          <Button size="small" type="link" icon={<DownloadOutlined />} data-testid="call-guide-download">
            <Typography.Text ellipsis style={{ maxWidth: 140, color: 'inherit' }}>
              {guide.fileName}
            </Typography.Text>
          </Button>
        </a>
      ) : (
        !changeable && <Typography.Text type="secondary">—</Typography.Text>
      )}
      {changeable && (
        <Upload
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid="call-guide-upload">
            {guide ? '更换指南' : '上传指南'}
          </Button>
        </Upload>
      )}
      {changeable && guide && (
        <Button size="small" danger onClick={() => confirmRemove(guide)} data-testid="call-guide-remove">
          删除
        </Button>
      )}
    </Space>
  );
}
