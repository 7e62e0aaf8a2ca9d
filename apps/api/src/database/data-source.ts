import './pg-types';
import { DataSource } from 'typeorm';
import { Foundation1764380000000 } from './migrations/1764380000000-foundation';
import { AllianceRegister1764390000000 } from './migrations/1764390000000-alliance-register';
import { SignedAgreementTasksFinal1764391000000 } from './migrations/1764391000000-signed-agreement-tasks-final';
import { PilotSelection1764400000000 } from './migrations/1764400000000-pilot-selection';
import { AuditAppendReturnsSeq1764410000000 } from './migrations/1764410000000-audit-append-returns-seq';
import { EditVersions1764415000000 } from './migrations/1764415000000-edit-versions';
import { LeastPrivilege1764420000000 } from './migrations/1764420000000-least-privilege';
import { AtomicSignInThrottle1764430000000 } from './migrations/1764430000000-atomic-sign-in-throttle';
import { PilotRefusalAndNoPanel1764440000000 } from './migrations/1764440000000-pilot-refusal-and-no-panel';
import { JobsAndMessages1764450000000 } from './migrations/1764450000000-jobs-and-messages';
import { Filing1764460000000 } from './migrations/1764460000000-filing';
import { FilingReview1764470000000 } from './migrations/1764470000000-filing-review';
import { Programmes1764480000000 } from './migrations/1764480000000-programmes';
import { AgreementIpExitClauses1764485000000 } from './migrations/1764485000000-agreement-ip-exit-clauses';
import { ProgrammeApplications1764490000000 } from './migrations/1764490000000-programme-applications';
import { Projects1764491000000 } from './migrations/1764491000000-projects';
import { IpRegister1764492000000 } from './migrations/1764492000000-ip-register';
import { SupportNoticesAndAcceptance1764510000000 } from './migrations/1764510000000-support-notices-and-acceptance';
import { Platforms1764520000000 } from './migrations/1764520000000-platforms';
import { International1764530000000 } from './migrations/1764530000000-international';
import { FinanceLinkage1764540000000 } from './migrations/1764540000000-finance-linkage';
import { Statistics1764550000000 } from './migrations/1764550000000-statistics';
import { Notices1764570000000 } from './migrations/1764570000000-notices';
import { ExpertDeclarations1764571000000 } from './migrations/1764571000000-expert-declarations';
import { LinkageWithdrawal1764590000000 } from './migrations/1764590000000-linkage-withdrawal';
import { DecisionPdfs1764600000000 } from './migrations/1764600000000-decision-pdfs';
import { AuditHistory1764610000000 } from './migrations/1764610000000-audit-history';
import { CooperationBaseGradedEvaluation1764630000000 } from './migrations/1764630000000-cooperation-base-graded-evaluation';
import { NationalPilotDesignations1764640000000 } from './migrations/1764640000000-national-pilot-designations';
import { AcceptanceRequestOnce1764650000000 } from './migrations/1764650000000-acceptance-request-once';
import { DecisionPdfSubjects1764660000000 } from './migrations/1764660000000-decision-pdf-subjects';
import { CallGuides1764661000000 } from './migrations/1764661000000-call-guides';
import { PlatformEvaluationRounds1764670000000 } from './migrations/1764670000000-platform-evaluation-rounds';
import { NationalPilotSentAlliances1764680000000 } from './migrations/1764680000000-national-pilot-sent-alliances';

export const MIGRATIONS = [
  Foundation1764380000000,
  AllianceRegister1764390000000,
  SignedAgreementTasksFinal1764391000000,
  PilotSelection1764400000000,
  AuditAppendReturnsSeq1764410000000,
  EditVersions1764415000000,
  LeastPrivilege1764420000000,
  AtomicSignInThrottle1764430000000,
  PilotRefusalAndNoPanel1764440000000,
  JobsAndMessages1764450000000,
  Filing1764460000000,
  FilingReview1764470000000,
  Programmes1764480000000,
  AgreementIpExitClauses1764485000000,
  ProgrammeApplications1764490000000,
  Projects1764491000000,
  IpRegister1764492000000,
  SupportNoticesAndAcceptance1764510000000,
  Platforms1764520000000,
  International1764530000000,
  FinanceLinkage1764540000000,
  Statistics1764550000000,
  Notices1764570000000,
  ExpertDeclarations1764571000000,
  LinkageWithdrawal1764590000000,
  DecisionPdfs1764600000000,
  AuditHistory1764610000000,
  CooperationBaseGradedEvaluation1764630000000,
  NationalPilotDesignations1764640000000,
  AcceptanceRequestOnce1764650000000,
  DecisionPdfSubjects1764660000000,
  CallGuides1764661000000,
  PlatformEvaluationRounds1764670000000,
  NationalPilotSentAlliances1764680000000,
];

export function createDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // Migrations are plain SQL: the entities register with their feature modules in the API.
    entities: [],
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'xiangmeng' },
  });
}

/** Applies pending migrations; must run as the owner role. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = createDataSource(ownerUrl, 1);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
