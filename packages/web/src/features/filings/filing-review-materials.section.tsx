import { SIGNIFICANCE_LEVEL_LABELS } from '@xiangmeng/domain';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { FilingDocumentsTable } from './filing-dossier.section';
import { FilingSnapshotSection } from './filing-snapshot.section';
import { isSignificanceLevel } from './filing-values';

type ReviewedFiling = {
  level?: string | null;
  significance: string;
  documents: readonly {
    documentId: string;
    kind: string;
    name: string;
    sha256: string;
    size: number;
    downloadUrl?: string;
  }[];
  snapshot?: unknown;
};

/** What an expert reviews of a filing: the significance claimed, the documents and the frozen snapshot. */
export function FilingReviewMaterials({ filing }: { filing: ReviewedFiling }) {
  return (
    <Flex vertical gap={16} data-testid="filing-review-materials">
      <Card title="重大影响说明" size="small">
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'level',
              label: '申明的影响层级',
              children: isSignificanceLevel(filing.level)
                ? SIGNIFICANCE_LEVEL_LABELS[filing.level]
                : '未选择',
            },
            {
              key: 'significance',
              label: '说明',
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {filing.significance || '未填写'}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Card>
      <Card title="备案材料" size="small">
        <FilingDocumentsTable documents={filing.documents} />
      </Card>
      <Card title="备案快照（提交时冻结）" size="small">
        <FilingSnapshotSection snapshot={filing.snapshot} />
      </Card>
    </Flex>
  );
}
