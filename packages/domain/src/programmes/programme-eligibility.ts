import {
  type AllianceStatus,
  PILOT_STATUS_LABELS,
  type PilotStatus,
} from '../alliances/alliance-lifecycle.js';
import { ART_21 } from '../filings/filing-eligibility.js';
import type { MeasuresParameters } from '../measures/measures-parameters.js';
import { formatYuan, isFen } from '../money/fen.js';
import { activeDebarmentsOf, type Debarment, debarmentRefusalMessage } from './debarment.js';
import { type AgreementIpTerms, agreementIpViolations, ipTermsViolations } from './ip-terms.js';
import { type PriorInvestment, supportCeilingFen, verifiedInvestmentFen } from './prior-investment.js';
import type { Programme } from './programme.js';
import type { ProgrammeApplicationForm } from './programme-application-form.js';
import { PROGRAMME_KINDS } from './programme-kinds.js';
import { ART_14, ART_18, programmeRefusal, type ProgrammeViolation } from './programme-violation.js';

// Who may be supported, checked when the application is submitted and again when the award is
// made (the register may have changed in between): a pilot of the authority's level or above
// (Art. 14), the chair unit as the responsible unit with its commitment letter (Art. 18), clear IP
// terms in the application and the agreement in effect (Art. 20(2)), no participant debarred, and
// support within the match ratio of the verified prior investment and the programme's cap.

/** How far a pilot's confirmation reaches: a higher rank is accepted wherever a lower one is. */
export const PilotRank = { NONE: 0, CITY: 1, PROVINCIAL: 2, NATIONAL: 3 } as const;
export type PilotRank = (typeof PilotRank)[keyof typeof PilotRank];

const RANK_OF_STATUS: Record<PilotStatus, PilotRank> = {
  NONE: PilotRank.NONE,
  CITY_PILOT: PilotRank.CITY,
  PROVINCIAL_PILOT: PilotRank.PROVINCIAL,
};

/** The alliance's rank: its pilot status, or national when it is on the national pilot list. */
export function pilotRankOf(pilotStatus: PilotStatus, nationalPilot: boolean): PilotRank {
  return nationalPilot ? PilotRank.NATIONAL : RANK_OF_STATUS[pilotStatus];
}

/** The lowest rank a programme of the level takes: provincial for the province's, city for a city's. */
export function lowestRankFor(level: Programme['level']): PilotRank {
  return level === 'PROVINCE' ? PilotRank.PROVINCIAL : PilotRank.CITY;
}

export type EligibilityStage = 'SUBMISSION' | 'AWARD';

export type ProgrammeEligibilityFacts = {
  /** The day checked (China time): the submission's or the award's. */
  asOf: string;
  stage: EligibilityStage;
  programme: Pick<Programme, 'tenantId' | 'level' | 'kind' | 'perProjectCapFen'>;
  alliance: {
    /** The home tenant whose register holds the alliance. */
    tenantId: string;
    status: AllianceStatus;
    pilotStatus: PilotStatus;
    /** On the national pilot list (a fact the register keeps beside the pilot status). */
    nationalPilot: boolean;
  };
  /** The alliance's current member units on `asOf` (the member-units rule of Art. 16 reads them). */
  memberOrganizationIds: readonly string[];
  /** The alliance's chair unit on `asOf`; null when it has none. */
  chairUnit: { organizationId: string; name: string } | null;
  application: Pick<
    ProgrammeApplicationForm,
    'responsibleUnit' | 'participants' | 'ipTerms' | 'documentKinds'
  >;
  /** The amount checked: the support asked at submission, the amount to be awarded at award. */
  supportFen: string;
  /** The IP clauses of the agreement in effect on `asOf`; null when none is in effect. */
  agreement: AgreementIpTerms | null;
  priorInvestments: readonly PriorInvestment[];
  /** The debarment register (every tenant's published debarments). */
  debarments: readonly Debarment[];
};

const AMOUNT_NAME: Record<EligibilityStage, string> = { SUBMISSION: '申请支持金额', AWARD: '拟支持金额' };

function allianceViolations(facts: ProgrammeEligibilityFacts): ProgrammeViolation[] {
  const { programme, alliance } = facts;
  const v: ProgrammeViolation[] = [];
  if (programme.level === 'CITY' && alliance.tenantId !== programme.tenantId)
    v.push(
      programmeRefusal(
        'allianceId',
        'NOT_OWN_REGISTER',
        '市州的支持计划只受理本市州联盟名录中的联盟',
        ART_21,
      ),
    );
  if (alliance.status === 'DISSOLVED')
    v.push(programmeRefusal('allianceId', 'DISSOLVED', '联盟已解散，不能申报支持', ART_14));
  else if (PROGRAMME_KINDS[programme.kind].pilotsOnly) {
    const rank = pilotRankOf(alliance.pilotStatus, alliance.nationalPilot);
    if (alliance.status !== 'ESTABLISHED' || rank < lowestRankFor(programme.level)) {
      const wanted =
        programme.level === 'PROVINCE'
          ? '省级计划只支持经省科技厅批准的省级或国家级试点联盟'
          : '市州计划只支持市级及以上试点联盟';
      const now = alliance.nationalPilot ? '国家级试点' : PILOT_STATUS_LABELS[alliance.pilotStatus];
      v.push(programmeRefusal('allianceId', 'PILOT_LEVEL', `${wanted}，该联盟现为「${now}」`, ART_14));
    }
  }
  return v;
}

function responsibleUnitViolations(facts: ProgrammeEligibilityFacts): ProgrammeViolation[] {
  const { chairUnit, application } = facts;
  const v: ProgrammeViolation[] = [];
  if (chairUnit === null)
    v.push(
      programmeRefusal('responsibleUnit', 'NO_CHAIR_UNIT', '联盟没有理事长单位，项目无责任主体', ART_18),
    );
  else if (application.responsibleUnit?.organizationId !== chairUnit.organizationId)
    v.push(
      programmeRefusal(
        'responsibleUnit',
        'NOT_CHAIR_UNIT',
        `项目承担单位应为联盟理事长单位「${chairUnit.name}」，由其对项目实施负总责`,
        ART_18,
      ),
    );
  if (!application.documentKinds.includes('COMMITMENT_LETTER'))
    v.push(
      programmeRefusal(
        'documents.COMMITMENT_LETTER',
        'COMMITMENT_LETTER_REQUIRED',
        '请附上理事长单位承担项目组织实施法律责任的承诺书',
        ART_18,
      ),
    );
  return v;
}

/** A kind that member units undertake (Art. 16): every participant is a current member. */
function memberUnitViolations(facts: ProgrammeEligibilityFacts): ProgrammeViolation[] {
  const kind = PROGRAMME_KINDS[facts.programme.kind];
  if (!kind.memberUnitsOnly) return [];
  const members = new Set(facts.memberOrganizationIds);
  return facts.application.participants.flatMap((p, i) =>
    members.has(p.organizationId)
      ? []
      : [
          programmeRefusal(
            `participants.${i}`,
            'NOT_MEMBER_UNIT',
            `「${p.name}」不是联盟的现有成员单位，${kind.label}应由联盟成员单位承担`,
            kind.article,
          ),
        ],
  );
}

function debarmentViolationsOf(facts: ProgrammeEligibilityFacts): ProgrammeViolation[] {
  const { application } = facts;
  const units = [
    ...application.participants.map((p, i) => ({ id: p.organizationId, field: `participants.${i}` })),
    ...(application.responsibleUnit &&
    !application.participants.some((p) => p.organizationId === application.responsibleUnit?.organizationId)
      ? [{ id: application.responsibleUnit.organizationId, field: 'responsibleUnit' }]
      : []),
  ];
  return units.flatMap(({ id, field }) =>
    activeDebarmentsOf(facts.debarments, [id], facts.asOf).map((d) => ({
      field,
      rule: 'DEBARRED',
      article: d.article,
      message: debarmentRefusalMessage(d),
    })),
  );
}

function amountViolations(
  facts: ProgrammeEligibilityFacts,
  ratio: MeasuresParameters['support']['matchRatio'],
): ProgrammeViolation[] {
  if (!isFen(facts.supportFen)) return [];
  const field = facts.stage === 'SUBMISSION' ? 'requestedSupportFen' : 'awardFen';
  const amount = BigInt(facts.supportFen);
  const name = AMOUNT_NAME[facts.stage];
  const v: ProgrammeViolation[] = [];
  if (PROGRAMME_KINDS[facts.programme.kind].matchesPriorInvestment) {
    const verified = verifiedInvestmentFen(facts.priorInvestments);
    const ceiling = supportCeilingFen(verified, ratio);
    if (amount > BigInt(ceiling)) {
      const pending = facts.priorInvestments.some((i) => i.verification === null)
        ? '；尚未核定的先行投入不计入'
        : '';
      v.push(
        programmeRefusal(
          field,
          'ABOVE_MATCH_RATIO',
          `${name} ${formatYuan(amount)}超过经核定的先行投入 ${formatYuan(verified)}` +
            `按 ${ratio.numerator} : ${ratio.denominator}（支持额 : 先行投入）可获支持的上限 ` +
            `${formatYuan(ceiling)}${pending}`,
          ART_14,
        ),
      );
    }
  }
  const cap = facts.programme.perProjectCapFen;
  if (cap !== null && amount > BigInt(cap))
    v.push(
      programmeRefusal(
        field,
        'ABOVE_PROJECT_CAP',
        `${name} ${formatYuan(amount)}超过该计划单个项目的支持上限 ${formatYuan(cap)}`,
        ART_14,
      ),
    );
  return v;
}

/**
 * Why the alliance's application may not be submitted (or awarded); empty when it may. Each
 * refusal names its article; the alliance comes first, then Art. 18, Art. 20, debarments, money.
 */
export function programmeEligibilityViolations(
  facts: ProgrammeEligibilityFacts,
  parameters: Pick<MeasuresParameters, 'support'>,
): ProgrammeViolation[] {
  const kind = PROGRAMME_KINDS[facts.programme.kind];
  const participantIds = facts.application.participants.map((p) => p.organizationId);
  return [
    ...allianceViolations(facts),
    ...(kind.chairUnitResponsible ? responsibleUnitViolations(facts) : []),
    ...memberUnitViolations(facts),
    ...(kind.ipTermsRequired
      ? [
          ...ipTermsViolations(facts.application.ipTerms, participantIds, '申请书'),
          ...agreementIpViolations(facts.agreement),
        ]
      : []),
    ...debarmentViolationsOf(facts),
    ...amountViolations(facts, parameters.support.matchRatio),
  ];
}
