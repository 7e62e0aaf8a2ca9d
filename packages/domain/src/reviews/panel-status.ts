// How far a panel has got: seats filled against the measures' panel size, sheets submitted.

export type PanelStatus = { size: number; seated: number; submitted: number };

/** Review may start once every seat the measures ask for is filled. */
export function panelComplete(s: PanelStatus): boolean {
  return s.seated >= s.size;
}

/** Review may close once a full panel has submitted every sheet. */
export function allSheetsIn(s: PanelStatus): boolean {
  return s.seated > 0 && s.submitted >= s.seated && s.submitted >= s.size;
}
