// What an alliance produces over time (Art. 4): standards, patents, platforms, transfers, people trained.
export const ALLIANCE_OUTPUT_KINDS = ['STANDARD', 'PATENT', 'PLATFORM', 'TRANSFER', 'TRAINING'] as const;
export type AllianceOutputKind = (typeof ALLIANCE_OUTPUT_KINDS)[number];

export const ALLIANCE_OUTPUT_KIND_LABELS: Record<AllianceOutputKind, { label: string; unit: string }> = {
  STANDARD: { label: '技术标准', unit: '项' },
  PATENT: { label: '专利', unit: '件' },
  PLATFORM: { label: '创新平台', unit: '个' },
  TRANSFER: { label: '成果转化', unit: '项' },
  TRAINING: { label: '人才培养', unit: '人' },
};
