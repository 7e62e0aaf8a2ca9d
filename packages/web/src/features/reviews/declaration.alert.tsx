import { EXPERT_DECLARATION } from '@xiangmeng/domain';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { toApiError } from '../../shared/api-error';

/** 评审专家承诺书及回避声明: read and confirmed before the first score; `onConfirm` records it. */
export function DeclarationAlert({ onConfirm }: { onConfirm: (version: string) => Promise<unknown> }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    setFailure(null);
    setLoading(true);
    try {
      await onConfirm(EXPERT_DECLARATION.version);
      setOpen(false);
      void message.success('已确认承诺书和回避声明，可以开始评分');
    } catch (error) {
      setFailure(toApiError(error).message);
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <Alert
        type="info"
        showIcon
        title="评分前，请阅读并确认《评审专家承诺书及回避声明》"
        description="确认后记录确认时间和文本版本；与申报单位存在利害关系的，请不要确认，并联系组织单位申请回避。"
        action={
          <Button type="primary" onClick={() => setOpen(true)} data-testid="review-declare-open">
            阅读并确认
          </Button>
        }
        data-testid="review-declaration-required"
      />
      <Modal
        open={open}
        title={EXPERT_DECLARATION.title}
        okText="我已阅读并承诺"
        cancelText="暂不确认"
        confirmLoading={loading}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'review-declare-confirm' }}
        width={640}
      >
        <Flex vertical gap={8} data-testid="review-declaration-text">
          {EXPERT_DECLARATION.paragraphs.map((p, i) => (
            <Typography.Paragraph key={i} style={{ margin: 0 }}>
              {p}
            </Typography.Paragraph>
          ))}
          <Typography.Text type="secondary">文本版本：{EXPERT_DECLARATION.version}</Typography.Text>
          {failure && <Alert type="error" showIcon title={failure} />}
        </Flex>
      </Modal>
    </>
  );
}
