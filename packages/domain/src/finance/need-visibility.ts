// Who may see a financing need (Art. 17): the financial institutions that take part in the
// need's alliance (a current member on the day), and — when the enterprise shares it with the
// province's linkage programme — the institutions enrolled in that programme. The database holds
// the same rule (finance_need_visible_to); this is its statement and its table of cases.

export type NeedVisibilityFacts = {
  /** The enterprise shared the need with the province's linkage programme. */
  inLinkageProgramme: boolean;
  /** The institution is a current member of the need's alliance. */
  institutionInAlliance: boolean;
  /** The institution is enrolled (and not withdrawn) in the province's linkage programme. */
  institutionInLinkageProgramme: boolean;
};

export type NeedVisibility = 'ALLIANCE_MEMBER' | 'LINKAGE_PROGRAMME' | null;

/** Why the institution sees the need, or null when it does not. */
export function needVisibleToInstitution(facts: NeedVisibilityFacts): NeedVisibility {
  if (facts.institutionInAlliance) return 'ALLIANCE_MEMBER';
  if (facts.inLinkageProgramme && facts.institutionInLinkageProgramme) return 'LINKAGE_PROGRAMME';
  return null;
}
