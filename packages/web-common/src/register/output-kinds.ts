import type { AllianceOutputKind } from '../gql/graphql';

// Art. 4's kinds of output. The domain has no labels for them yet (asked for in the register's
// hand-over); the record type keeps this list exhaustive against the API's enum meanwhile.
export const OUTPUT_KIND_LABELS: Record<AllianceOutputKind, { label: string; unit: string }> = {
  STANDARD: { label: '技术标准', unit: '项' },
  PATENT: { label: '专利', unit: '件' },
  PLATFORM: { label: '创新平台', unit: '个' },
  TRANSFER: { label: '成果转化', unit: '项' },
  TRAINING: { label: '人才培养', unit: '人' },
};
