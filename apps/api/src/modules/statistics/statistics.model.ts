import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StatisticsCount', { description: '一项分组计数' })
export class StatisticsCountModel {
  @Field({ description: '分组键：状态、级别或产业代码' })
  key: string;

  @Field(() => String, { nullable: true, description: '分组名称（产业名称；状态与级别由应用翻译）' })
  label: string | null;

  @Field(() => Int)
  count: number;
}

@ObjectType('PilotYearCount', { description: '某年确认的某级试点数' })
export class PilotYearCountModel {
  @Field(() => Int)
  year: number;

  @Field({ description: 'PROVINCIAL 或 CITY' })
  level: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('FundingFigure', { description: '资金：立项金额按立项年度计，拨付与追回按资金发生年度计（分）' })
export class FundingFigureModel {
  @Field({ description: '分组键：年度或支持计划 ID' })
  key: string;

  @Field(() => String, { nullable: true })
  label: string | null;

  @Field()
  awardedFen: string;

  @Field()
  disbursedFen: string;

  @Field()
  recoveredFen: string;
}

@ObjectType('CityFigures', { description: '一个市州的汇总数（省厅看全部市州，市州只看本市州）' })
export class CityFiguresModel {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { description: '登记的联盟数' })
  alliances: number;

  @Field(() => Int, { description: '试点联盟数（市级与省级）' })
  pilots: number;

  @Field(() => Int, { description: '备案数（省厅只计已报送的）' })
  filings: number;

  @Field({ description: '立项金额（分）' })
  awardedFen: string;

  @Field({ description: '拨付金额（分）' })
  disbursedFen: string;
}

@ObjectType('Statistics', { description: '统计分析：省厅为全省汇总，市州为本市州' })
export class StatisticsModel {
  @Field(() => [CityFiguresModel])
  cities: CityFiguresModel[];

  @Field(() => [StatisticsCountModel], { description: '联盟按产业' })
  allianceIndustries: StatisticsCountModel[];

  @Field(() => [StatisticsCountModel], { description: '联盟按状态（AllianceStatus）' })
  allianceStatuses: StatisticsCountModel[];

  @Field(() => [StatisticsCountModel], { description: '联盟按试点级别（PilotStatus）' })
  pilotLevels: StatisticsCountModel[];

  @Field(() => [PilotYearCountModel], { description: '确认的试点按年度与级别' })
  pilotsByYear: PilotYearCountModel[];

  @Field(() => [StatisticsCountModel], { description: '备案按状态（FilingState）' })
  filingStates: StatisticsCountModel[];

  @Field(() => [FundingFigureModel], { description: '资金按年度' })
  fundingByYear: FundingFigureModel[];

  @Field(() => [FundingFigureModel], { description: '资金按支持计划' })
  fundingByProgramme: FundingFigureModel[];
}
