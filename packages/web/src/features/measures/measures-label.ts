/** 「《标题》（文号）第 N 版」 — a measures version as a call or a decision names it. */
export function measuresLabel(measures: {
  title: string;
  documentNumber: string;
  versionNo: number;
}): string {
  return `《${measures.title}》（${measures.documentNumber}）第 ${measures.versionNo} 版`;
}
