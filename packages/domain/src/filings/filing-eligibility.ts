import type { AllianceStatus, PilotStatus } from '../alliances/alliance-lifecycle.js';
import { ALLIANCE_STATUS_LABELS } from '../alliances/alliance-lifecycle.js';
import type { FieldViolation } from '../errors/error-codes.js';
import type { PilotLevel } from '../pilots/pilot-labels.js';
import { checkControlCharacters } from '../text/control-characters.js';
import { FILING_DOCUMENT_KIND_LABELS } from './filing-labels.js';
import type { FilingDocumentKind, FilingRound } from './filing-round.js';
import { type FilingState, LAPSED_FILING_STATES } from './filing-workflow.js';

// Who files what (Art. 21: 各市州开展试点的联盟，对省相关产业发展具有重大影响的，可根据自愿的原则，
// 报省科技厅备案): a city files an established alliance of its own register that is its pilot, or a
// provincial pilot it hosts, with a statement of its significance and the level claimed, and the
// documents the round asks for; one live filing per alliance. Each refusal names its basis.

/** The significance the city claims for the alliance. */
export const SignificanceLevel = { PROVINCIAL: 'PROVINCIAL', NATIONAL: 'NATIONAL' } as const;
export type SignificanceLevel = (typeof SignificanceLevel)[keyof typeof SignificanceLevel];

/** A field violation with the article (or notice) it applies; the message ends with it. */
export type FilingViolation = FieldViolation & { article: string };

export const ART_8 = '第八条';
export const ART_21 = '第二十一条';

/** A confirmed pilot decision (an APPROVED pilot application) the filing rests on. */
export type PilotDecisionFact = {
  level: PilotLevel;
  /** The tier that confirmed it: the city for its own pilots, the province for provincial ones. */
  authorityTenantId: string;
  /** The bureau that recommended it; for a provincial pilot, the city hosting it. */
  recommendingTenantId: string;
  decidedOn: string;
};

export type FilingEligibilityFacts = {
  /** The city bureau filing. */
  filingTenantId: string;
  alliance: {
    /** The home tenant whose register holds the alliance. */
    tenantId: string;
    status: AllianceStatus;
    dissolvedOn: string | null;
    pilotStatus: PilotStatus;
  };
  pilotDecision: PilotDecisionFact | null;
  /** States of the alliance's other filings, the one being checked left out. */
  otherFilingStates: readonly FilingState[];
};

export type FilingDossier = {
  significance: string;
  level: SignificanceLevel | null;
  documentKinds: readonly FilingDocumentKind[];
};

export const SIGNIFICANCE_MIN_CHARS = 20;
export const SIGNIFICANCE_MAX_CHARS = 2000;

const refusal = (field: string, rule: string, text: string, article: string): FilingViolation => ({
  field,
  rule,
  article,
  message: `${text}（${article}）`,
});

/** Why the alliance may not be filed by this city; empty when it may. */
export function filingEligibilityViolations(facts: FilingEligibilityFacts): FilingViolation[] {
  const v: FilingViolation[] = [];
  const { alliance, pilotDecision, filingTenantId } = facts;
  if (alliance.tenantId !== filingTenantId)
    v.push(refusal('allianceId', 'NOT_OWN_REGISTER', '只能备案本市州联盟名录中的联盟', ART_21));
  if (alliance.status === 'DISSOLVED' || alliance.dissolvedOn !== null)
    v.push(refusal('allianceId', 'DISSOLVED', '联盟已解散，不能备案', ART_8));
  else if (alliance.status !== 'ESTABLISHED')
    v.push(
      refusal(
        'allianceId',
        'NOT_ESTABLISHED',
        `只有已成立的联盟可以备案，该联盟现为「${ALLIANCE_STATUS_LABELS[alliance.status]}」`,
        ART_8,
      ),
    );
  if (pilotDecision === null || alliance.pilotStatus === 'NONE')
    v.push(
      refusal(
        'allianceId',
        'NOT_A_PILOT',
        '只有经本市州试点程序确认的试点联盟，或本市州承建的省级试点联盟，可以备案',
        ART_21,
      ),
    );
  else if (pilotDecision.level === 'CITY' && pilotDecision.authorityTenantId !== filingTenantId)
    v.push(refusal('pilotDecision', 'PILOT_OF_ANOTHER_CITY', '该联盟的市级试点不是由本市州确认的', ART_21));
  else if (pilotDecision.level === 'PROVINCIAL' && pilotDecision.recommendingTenantId !== filingTenantId)
    v.push(
      refusal('pilotDecision', 'PROVINCIAL_PILOT_NOT_HOSTED', '该省级试点联盟不是由本市州推荐承建的', ART_21),
    );
  if (facts.otherFilingStates.some((s) => !LAPSED_FILING_STATES.includes(s)))
    v.push(
      refusal(
        'allianceId',
        'ALREADY_FILED',
        '该联盟已有办理中或仍然有效的备案，一个联盟同时只能有一项备案',
        ART_21,
      ),
    );
  return v;
}

/** What the dossier lacks before it is sent: the statement, the level, the round's documents. */
export function filingDossierGaps(
  dossier: FilingDossier,
  round: Pick<FilingRound, 'requiredDocuments' | 'documentNumber'>,
): FilingViolation[] {
  const v: FilingViolation[] = [];
  const statement = dossier.significance.trim();
  const length = [...statement].length;
  if (length === 0)
    v.push(refusal('significance', 'REQUIRED', '请填写联盟对全省相关产业发展的重大影响说明', ART_21));
  else if (length < SIGNIFICANCE_MIN_CHARS)
    v.push(
      refusal(
        'significance',
        'TOO_SHORT',
        `重大影响说明不少于 ${SIGNIFICANCE_MIN_CHARS} 字（现为 ${length} 字）`,
        ART_21,
      ),
    );
  else if (length > SIGNIFICANCE_MAX_CHARS)
    v.push(
      refusal(
        'significance',
        'TOO_LONG',
        `重大影响说明不超过 ${SIGNIFICANCE_MAX_CHARS} 字（现为 ${length} 字）`,
        ART_21,
      ),
    );
  else if (checkControlCharacters(statement))
    v.push(refusal('significance', 'CONTROL_CHARACTER', '重大影响说明不能包含控制字符', ART_21));
  if (dossier.level === null || !Object.values(SignificanceLevel).includes(dossier.level))
    v.push(refusal('level', 'REQUIRED', '请选择所申明的影响层级（全省或全国）', ART_21));
  // The round's notice is what asks for the documents: it is the basis named.
  for (const kind of new Set(round.requiredDocuments))
    if (!dossier.documentKinds.includes(kind))
      v.push(
        refusal(
          `documents.${kind}`,
          'REQUIRED_DOCUMENT',
          `备案批次要求提交${FILING_DOCUMENT_KIND_LABELS[kind]}，尚未附上`,
          round.documentNumber,
        ),
      );
  return v;
}

/** Everything that keeps the filing from being sent, alliance first, then the dossier. */
export function filingViolations(
  facts: FilingEligibilityFacts,
  dossier: FilingDossier,
  round: Pick<FilingRound, 'requiredDocuments' | 'documentNumber'>,
): FilingViolation[] {
  return [...filingEligibilityViolations(facts), ...filingDossierGaps(dossier, round)];
}
