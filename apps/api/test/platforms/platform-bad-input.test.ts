import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { type World, world, provincialPilot } from '../programmes/programme-application-client';
import { asAdmin, type GraphqlAgent, startTestApi, type TestApi } from '../support/harness';
import { type BadInputRow, badInputCells } from '../support/bad-input-table';
import { TestClock } from '../support/test-clock';
import {
  evaluationInput,
  P,
  type PlatformView,
  platformOf,
  recognised,
  RECOGNITION_DOCUMENTS,
  reportInput,
  sheetsScoring,
} from './platform-client';

// A table of wrong inputs per platform mutation: each gets one clear error naming the field and
// rule (or the refusal's code), and nothing is written (the platform tables' fingerprint holds).

type Op = 'filePlatformReport' | 'evaluatePlatform';
type Who = 'zzOfficer' | 'provOfficer';
type Fixture = { platform: PlatformView };
const INDUSTRY = 'SE0703';

const report = (o: Record<string, unknown>) => (f: Fixture) => ({ input: reportInput(f.platform.id, o) });
const evaluation =
  (score: number, o: Record<string, unknown> = {}) =>
  (f: Fixture) => ({
    input: evaluationInput(f.platform, score, o),
  });
const sheets = sheetsScoring(80);

const TABLE: BadInputRow<Op, Who, Fixture>[] = [
  {
    op: 'filePlatformReport',
    name: 'a year before recognition',
    who: 'zzOfficer',
    variables: report({ year: 2026 }),
    code: 'BAD_USER_INPUT',
    violations: [['year', 'INTEGER_RANGE']],
  },
  {
    op: 'filePlatformReport',
    name: 'a year not begun',
    who: 'zzOfficer',
    variables: report({ year: 2028 }),
    code: 'BAD_USER_INPUT',
    violations: [['year', 'INTEGER_RANGE']],
  },
  {
    op: 'filePlatformReport',
    name: 'negative staff',
    who: 'zzOfficer',
    variables: report({ staff: -1 }),
    code: 'BAD_USER_INPUT',
    violations: [['staff', 'INTEGER_RANGE']],
  },
  {
    op: 'filePlatformReport',
    name: 'spending in yuan',
    who: 'zzOfficer',
    variables: report({ rdSpendingFen: '12.5' }),
    code: 'BAD_USER_INPUT',
    violations: [['rdSpendingFen', 'FEN']],
  },
  {
    op: 'filePlatformReport',
    name: 'spending past 10^14 fen',
    who: 'zzOfficer',
    variables: report({ rdSpendingFen: '1000000000000000' }),
    code: 'BAD_USER_INPUT',
    violations: [['rdSpendingFen', 'FEN']],
  },
  {
    op: 'filePlatformReport',
    name: 'too many patents',
    who: 'zzOfficer',
    variables: report({ patents: 1_000_001 }),
    code: 'BAD_USER_INPUT',
    violations: [['patents', 'INTEGER_RANGE']],
  },

  {
    op: 'filePlatformReport',
    name: 'no such platform',
    who: 'zzOfficer',
    variables: () => ({ input: reportInput(randomUUID()) }),
    code: 'NOT_FOUND',
  },
  {
    op: 'filePlatformReport',
    name: 'a platform id that is no id',
    who: 'zzOfficer',
    variables: () => ({ input: reportInput('x') }),
    code: 'NOT_FOUND',
  },
  {
    op: 'evaluatePlatform',
    name: 'two sheets where three are needed',
    who: 'provOfficer',
    variables: evaluation(80, { sheets: sheets.slice(0, 2) }),
    code: 'BAD_USER_INPUT',
    violations: [['sheets', 'MIN_SHEETS']],
  },
  {
    op: 'evaluatePlatform',
    name: 'a score above 100',
    who: 'provOfficer',
    variables: evaluation(101),
    code: 'BAD_USER_INPUT',
    violations: [['sheets.0.scores.*', 'SCORE_RANGE']],
  },
  {
    op: 'evaluatePlatform',
    name: 'a criterion the scheme does not have',
    who: 'provOfficer',
    variables: evaluation(80, {
      sheets: sheets.map((s) => ({ ...s, scores: [...s.scores, { key: 'beauty', score: 1 }] })),
    }),
    code: 'BAD_USER_INPUT',
    violations: [['sheets.0.scores.beauty', 'UNKNOWN_CRITERION']],
  },
  {
    op: 'evaluatePlatform',
    name: 'a criterion scored twice',
    who: 'provOfficer',
    variables: evaluation(80, { sheets: sheets.map((s) => ({ ...s, scores: [...s.scores, s.scores[0]] })) }),
    code: 'BAD_USER_INPUT',
    violations: [['sheets.0.scores', 'DUPLICATE']],
  },
  {
    op: 'evaluatePlatform',
    name: 'the same expert twice',
    who: 'provOfficer',
    variables: evaluation(80, { sheets: [sheets[0], sheets[0], sheets[1]] }),
    code: 'BAD_USER_INPUT',
    violations: [['sheets.1.expertName', 'DUPLICATE']],
  },
  {
    op: 'evaluatePlatform',
    name: 'an expert without a name',
    who: 'provOfficer',
    variables: evaluation(80, { sheets: [{ ...sheets[0], expertName: ' ' }, sheets[1], sheets[2]] }),
    code: 'BAD_USER_INPUT',
    violations: [['sheets.0.expertName', 'REQUIRED']],
  },
  {
    op: 'evaluatePlatform',
    name: 'a day in the future',
    who: 'provOfficer',
    variables: evaluation(80, { evaluatedOn: '2027-06-02' }),
    code: 'BAD_USER_INPUT',
    violations: [['evaluatedOn', 'NOT_FUTURE']],
  },
  {
    op: 'evaluatePlatform',
    name: 'not a date',
    who: 'provOfficer',
    variables: evaluation(80, { evaluatedOn: '2027-02-30' }),
    code: 'BAD_USER_INPUT',
    violations: [['evaluatedOn', 'DATE']],
  },
  {
    op: 'evaluatePlatform',
    name: 'a year not begun',
    who: 'provOfficer',
    variables: evaluation(80, { year: 2028 }),
    code: 'BAD_USER_INPUT',
    violations: [['year', 'INTEGER_RANGE']],
  },
  {
    op: 'evaluatePlatform',
    name: 'a stale version',
    who: 'provOfficer',
    variables: evaluation(80, { version: 99 }),
    code: 'PLATFORM_CHANGED',
  },
  {
    op: 'evaluatePlatform',
    name: 'by the home bureau',
    who: 'zzOfficer',
    variables: evaluation(80),
    code: 'PLATFORM_NOT_AUTHORITY',
  },
  {
    op: 'evaluatePlatform',
    name: 'no such platform',
    who: 'provOfficer',
    variables: () => ({ input: evaluationInput({ id: randomUUID(), version: 1 }, 80) }),
    code: 'NOT_FOUND',
  },
];

const MUTATIONS: Record<Op, string> = { filePlatformReport: P.fileReport, evaluatePlatform: P.evaluate };

describe('platform mutations refuse bad input', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  const fixture = {} as Fixture;
  const agents = {} as Record<Who, GraphqlAgent>;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(
      api,
      clock.now(),
      {
        kind: 'PLATFORM_RECOGNITION',
        name: `2027年度湖南省工程技术研究中心认定（${randomBytes(3).toString('hex')}）`,
      },
      { requiredDocuments: RECOGNITION_DOCUMENTS },
    );
    const pilot = await provincialPilot(w, INDUSTRY);
    const { application } = await recognised(api, w, pilot, INDUSTRY);
    fixture.platform = await platformOf(w.provOfficer, application.recognisedPlatformId!);
    agents.zzOfficer = w.zzOfficer;
    agents.provOfficer = w.provOfficer;
  });

  afterAll(async () => {
    await api?.close();
  });

  badInputCells({
    title: 'platform bad input',
    table: TABLE,
    send: (row) => agents[row.who].send(MUTATIONS[row.op], row.variables(fixture)),
    fingerprint: () =>
      asAdmin(async (c) =>
        JSON.stringify(
          (
            await c.query(
              `SELECT (SELECT json_agg(p ORDER BY p.id) FROM platform p WHERE p.id = $1) AS platform,
                      (SELECT count(*) FROM platform_report WHERE platform_id = $1) AS reports,
                      (SELECT count(*) FROM platform_evaluation WHERE platform_id = $1) AS evaluations,
                      (SELECT count(*) FROM platform_status_event WHERE platform_id = $1) AS events`,
              [fixture.platform.id],
            )
          ).rows,
        ),
      ),
  });
});
