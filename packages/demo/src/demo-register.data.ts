import type { FoundingCondition, OrganizationType } from '@xiangmeng/domain';

// The demo register: fictional alliances and organizations, realistic in shape. Names are made
// up; credit codes are computed (valid check characters, the registering city's division code),
// so none of them belongs to a real legal person.

/** Positions 1–2 of the credit code: 91 company, 12 public institution, 51 social group, 52 private non-enterprise. */
export type DemoRegistration = '91' | '12' | '51' | '52';

export type DemoOrganization = {
  name: string;
  type: OrganizationType;
  registration: DemoRegistration;
  /** Where it is registered (GB/T 2260): a district of its city, the province, or out of province. */
  divisionCode: string;
  /** Present for industry backbones (行业骨干): why it counts as one. */
  backboneBasis?: string;
};

export type DemoMember = {
  organization: DemoOrganization;
  role: 'CHAIR' | 'VICE_CHAIR' | 'MEMBER';
  /** Absent for founders (they join on the founding date); a later join makes a new agreement version. */
  joinedOn?: string;
  exited?: { on: string; reason: string };
};

/** What a FORMING demo alliance still lacks, so the Art. 8 check has something to show. */
export type DemoGap =
  | 'READY'
  | 'SIGNATURE_MISSING'
  | 'NO_AGREEMENT'
  | 'TOO_FEW_MEMBERS'
  | 'NO_UNIVERSITY_OR_INSTITUTE'
  | 'NO_BACKBONE_ENTERPRISE'
  | 'NO_ADVISORY_BODY'
  | 'NO_FULL_TIME_STAFF'
  | 'NO_FUND_SUPERVISION'
  | 'NO_IP_TERMS'
  | 'NO_RESULTS_DIFFUSION';

/** The conditions each gap fails under the 2016 measures, and one reason code it must show. */
export const DEMO_GAP_EXPECTATIONS: Record<
  DemoGap,
  { failing: FoundingCondition[]; reasonCode: string | null }
> = {
  READY: { failing: [], reasonCode: null },
  // Without an agreement in effect, the clauses of Art. 8(4)–(6) cannot be confirmed either.
  SIGNATURE_MISSING: {
    failing: ['AGREEMENT', 'FUNDS', 'INTERESTS', 'OPENNESS'],
    reasonCode: 'SIGNATURE_MISSING',
  },
  NO_AGREEMENT: { failing: ['AGREEMENT', 'FUNDS', 'INTERESTS', 'OPENNESS'], reasonCode: 'NO_AGREEMENT' },
  TOO_FEW_MEMBERS: { failing: ['MEMBERS'], reasonCode: 'MEMBERS_TOO_FEW' },
  NO_UNIVERSITY_OR_INSTITUTE: { failing: ['MEMBERS'], reasonCode: 'MEMBER_TYPE_MISSING' },
  NO_BACKBONE_ENTERPRISE: { failing: ['MEMBERS'], reasonCode: 'NO_BACKBONE_ENTERPRISE' },
  NO_ADVISORY_BODY: { failing: ['GOVERNANCE'], reasonCode: 'BODY_MISSING' },
  NO_FULL_TIME_STAFF: { failing: ['GOVERNANCE'], reasonCode: 'FULL_TIME_STAFF_TOO_FEW' },
  NO_FUND_SUPERVISION: { failing: ['FUNDS'], reasonCode: 'FUND_SUPERVISION_MISSING' },
  NO_IP_TERMS: { failing: ['INTERESTS'], reasonCode: 'IP_OWNERSHIP_MISSING' },
  NO_RESULTS_DIFFUSION: { failing: ['OPENNESS'], reasonCode: 'RESULTS_DIFFUSION_MISSING' },
};

export type DemoStatus =
  | { status: 'ESTABLISHED'; establishedOn: string }
  | { status: 'DISSOLVED'; establishedOn: string; dissolvedOn: string; reason: string }
  | { status: 'FORMING'; gap: DemoGap };

export type DemoAlliance = DemoStatus & {
  name: string;
  /** The city (tenant) that keeps it in its register. */
  tenantCode: string;
  industryCode: string;
  /** The field in a few words, for generated agreement texts and tasks. */
  topic: string;
  foundedOn: string;
  objectives: string;
  members: DemoMember[];
  /** The host unit of the standing body (依托单位); the chair when absent. */
  host?: DemoOrganization;
  pilotStatus?: 'CITY_PILOT';
};

/** No demo date lies after this, so the check on any later day sees the same register. */
export const DEMO_LAST_DATE = '2025-12-31';

const enterprise = (name: string, divisionCode: string, backboneBasis?: string): DemoOrganization => ({
  name,
  type: 'ENTERPRISE',
  registration: '91',
  divisionCode,
  backboneBasis,
});
const university = (name: string, divisionCode: string): DemoOrganization => ({
  name,
  type: 'UNIVERSITY',
  registration: '12',
  divisionCode,
});
const institute = (
  name: string,
  divisionCode: string,
  registration: DemoRegistration = '12',
): DemoOrganization => ({
  name,
  type: 'RESEARCH_INSTITUTE',
  registration,
  divisionCode,
});
const intermediary = (
  name: string,
  divisionCode: string,
  registration: DemoRegistration,
): DemoOrganization => ({
  name,
  type: 'INTERMEDIARY',
  registration,
  divisionCode,
});
const bank = (name: string, divisionCode: string): DemoOrganization => ({
  name,
  type: 'BANK',
  registration: '91',
  divisionCode,
});
const ventureCapital = (name: string, divisionCode: string): DemoOrganization => ({
  name,
  type: 'VENTURE_CAPITAL',
  registration: '91',
  divisionCode,
});

const chair = (organization: DemoOrganization): DemoMember => ({ organization, role: 'CHAIR' });
const vice = (organization: DemoOrganization): DemoMember => ({ organization, role: 'VICE_CHAIR' });
const member = (organization: DemoOrganization): DemoMember => ({ organization, role: 'MEMBER' });
const joins = (organization: DemoOrganization, joinedOn: string): DemoMember => ({
  organization,
  role: 'MEMBER',
  joinedOn,
});
const exits = (organization: DemoOrganization, on: string, reason: string): DemoMember => ({
  organization,
  role: 'MEMBER',
  exited: { on, reason },
});

// Members of several alliances: universities, provincial institutes, intermediaries, finance.
const XIANGJIANG_UNIVERSITY = university('湖南湘江大学', '430104');
const LUSHAN_UNIVERSITY = university('长沙麓山工业大学', '430104');
const AGRICULTURAL_UNIVERSITY = university('湖南潇湘农业大学', '430105');
const TCM_UNIVERSITY = university('湖南中医药科技大学', '430104');
const RAIL_COLLEGE = university('株洲轨道交通工程学院', '430211');
const XIANGTAN_UNIVERSITY = university('湘潭理工大学', '430302');
const HENGYANG_UNIVERSITY = university('衡阳湘南工业大学', '430407');
const ZIJIANG_COLLEGE = university('邵阳资江学院', '430511');
const DONGTING_COLLEGE = university('岳阳洞庭理工学院', '430602');
const WULING_COLLEGE = university('常德武陵学院', '430702');
const WULINGYUAN_COLLEGE = university('张家界武陵源学院', '430802');
const YIYANG_COLLEGE = university('益阳洞庭职业技术学院', '430903');
const LINYI_COLLEGE = university('郴州林邑学院', '431002');
const XIAOXIANG_COLLEGE = university('永州潇湘学院', '431103');
const WUXI_COLLEGE = university('怀化五溪学院', '431202');
const XIANGZHONG_COLLEGE = university('娄底湘中学院', '431302');
const WULINGSHAN_UNIVERSITY = university('吉首武陵山大学', '433101');

const MANUFACTURING_INSTITUTE = institute('湖南省先进制造技术研究院', '430000');
const MATERIALS_INSTITUTE = institute('湖南省新材料研究院', '430000');
const BIOMEDICINE_INSTITUTE = institute('湖南省生物医药研究院', '430000');
const NONFERROUS_INSTITUTE = institute('湖南省有色金属研究院', '430000');
const TEA_INSTITUTE = institute('湖南省茶业科学研究所', '430000');
const CROP_INSTITUTE = institute('湖南省农业生物技术研究所', '430000');
const RAIL_INSTITUTE = institute('株洲轨道交通技术研究院', '430211');
const ELECTRICAL_INSTITUTE = institute('湘潭电工装备研究所', '430302');
const NUCLEAR_INSTITUTE = institute('衡阳核技术应用研究所', '430407');
const PETROCHEMICAL_INSTITUTE = institute('岳阳石油化工研究院有限公司', '430603', '91');
const CHENZHOU_METALS_INSTITUTE = institute('郴州有色金属研究院', '431002');
const METALLURGY_INSTITUTE = institute('娄底冶金材料研究所', '431302');
const HERB_INSTITUTE = institute('怀化中药材研究所', '431202');
// Out of the province (Art. 20(3) tells them apart by the division code).
const BEIJING_EQUIPMENT_INSTITUTE = institute('北京中关村智能装备研究院', '110108', '52');
const SHANGHAI_EV_INSTITUTE = institute('上海浦江新能源汽车研究院有限公司', '310115', '91');
const SHENZHEN_SENSORS = enterprise('深圳南山智能传感技术有限公司', '440305');

const MACHINERY_ASSOCIATION = intermediary('湖南省工程机械行业协会', '430000', '51');
const TRANSFER_CENTRE = intermediary('长沙市技术转移服务中心', '430100', '12');
const IP_OPERATOR = intermediary('湖南湘知知识产权运营有限公司', '430103', '91');
const RAIL_PROMOTION = intermediary('株洲市轨道交通产业促进会', '430200', '51');
const HENGYANG_TRANSFER = intermediary('衡阳市科技成果转化促进会', '430400', '51');
const PETROCHEMICAL_TRANSFER = intermediary('岳阳市石化产业技术转移中心', '430600', '52');
const HAIR_ASSOCIATION = intermediary('邵阳市发制品行业协会', '430500', '51');
const DARK_TEA_ASSOCIATION = intermediary('益阳市黑茶产业协会', '430900', '51');
const XIANGJIANG_BANK = bank('湘江银行股份有限公司长沙分行', '430102');
const YUANLI_BANK = bank('湖南常德沅澧农村商业银行股份有限公司', '430702');
const ZIYANG_BANK = bank('益阳资阳农村商业银行股份有限公司', '430902');
const XIANGCHUANG_CAPITAL = ventureCapital('湖南湘创创业投资有限公司', '430104');
const ZHUZHOU_CAPITAL = ventureCapital('株洲高新创业投资有限公司', '430211');

const ESTABLISHED = (establishedOn: string) => ({ status: 'ESTABLISHED' as const, establishedOn });
const FORMING = (gap: DemoGap) => ({ status: 'FORMING' as const, gap });

export const DEMO_ALLIANCES: readonly DemoAlliance[] = [
  // 长沙市
  {
    name: '长沙工程机械产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'HP01',
    topic: '工程机械',
    foundedOn: '2017-06-18',
    ...ESTABLISHED('2017-09-12'),
    pilotStatus: 'CITY_PILOT',
    objectives: '突破工程机械智能化、电动化关键共性技术，建设国家级工程机械产业集群的技术创新体系。',
    members: [
      chair(
        enterprise(
          '长沙星沙重工机械股份有限公司',
          '430121',
          '国家级企业技术中心；混凝土机械国内市场占有率前三',
        ),
      ),
      vice(
        enterprise(
          '湖南麓谷智能起重机械有限公司',
          '430104',
          '省级企业技术中心；起重机械年销售收入逾 40 亿元',
        ),
      ),
      vice(XIANGJIANG_UNIVERSITY),
      member(enterprise('浏阳湘液液压件有限公司', '430181')),
      member(MANUFACTURING_INSTITUTE),
      member(MACHINERY_ASSOCIATION),
      exits(
        enterprise('长沙望城传动件制造有限公司', '430112'),
        '2019-11-30',
        '企业转产，主营业务调整，申请退出联盟',
      ),
      joins(XIANGJIANG_BANK, '2020-05-20'),
    ],
  },
  {
    name: '长沙新一代人工智能产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'SE0105',
    topic: '人工智能',
    foundedOn: '2019-04-22',
    ...ESTABLISHED('2019-07-10'),
    objectives: '聚焦机器视觉、智能语音和工业智能，推动人工智能技术在装备制造和城市治理中的应用。',
    members: [
      chair(
        enterprise(
          '湖南星图智能科技股份有限公司',
          '430104',
          '国家高新技术企业；机器视觉检测装备国内细分市场前五',
        ),
      ),
      member(enterprise('长沙岳麓山视觉技术有限公司', '430104')),
      vice(XIANGJIANG_UNIVERSITY),
      member(LUSHAN_UNIVERSITY),
      member(SHENZHEN_SENSORS),
      member(XIANGCHUANG_CAPITAL),
      member(TRANSFER_CENTRE),
    ],
    host: LUSHAN_UNIVERSITY,
  },
  {
    name: '长沙生物医药产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'SE0401',
    topic: '生物医药',
    foundedOn: '2018-03-15',
    ...ESTABLISHED('2018-06-28'),
    objectives: '围绕创新药物、现代中药和高端制剂开展联合攻关，建设公共中试平台。',
    members: [
      chair(
        enterprise(
          '湖南麓谷生物制药股份有限公司',
          '430104',
          '省级工程技术研究中心；获批一类新药临床批件 3 项',
        ),
      ),
      vice(enterprise('长沙浏阳河医药有限公司', '430181', '国家高新技术企业；原料药出口居全省前列')),
      member(TCM_UNIVERSITY),
      member(BIOMEDICINE_INSTITUTE),
      member(IP_OPERATOR),
      joins(enterprise('湖南芙蓉医疗器械有限公司', '430102'), '2021-09-06'),
    ],
  },
  {
    name: '长沙先进储能材料产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'SE0306',
    topic: '先进储能材料',
    foundedOn: '2025-09-10',
    ...FORMING('SIGNATURE_MISSING'),
    objectives: '攻关高安全长寿命锂离子电池正负极材料和钠离子电池材料。',
    members: [
      chair(
        enterprise(
          '湖南湘能新材料科技股份有限公司',
          '430112',
          '国家级专精特新“小巨人”企业；正极材料年产能 5 万吨',
        ),
      ),
      member(enterprise('宁乡锂源电池材料有限公司', '430182')),
      member(LUSHAN_UNIVERSITY),
      member(MATERIALS_INSTITUTE),
    ],
  },
  {
    name: '长沙北斗卫星导航应用产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'SE0203',
    topic: '北斗卫星导航应用',
    foundedOn: '2020-06-16',
    ...ESTABLISHED('2020-09-23'),
    objectives: '推进北斗高精度定位在交通、农业机械和防灾减灾中的应用示范。',
    members: [
      chair(
        enterprise(
          '湖南北斗星空信息技术股份有限公司',
          '430103',
          '国家高新技术企业；北斗高精度终端省内市场占有率第一',
        ),
      ),
      member(enterprise('长沙天心导航电子有限公司', '430103')),
      vice(XIANGJIANG_UNIVERSITY),
      member(BEIJING_EQUIPMENT_INSTITUTE),
      member(XIANGJIANG_BANK),
    ],
  },
  {
    name: '长沙软件和信息技术服务产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'SE0103',
    topic: '工业软件',
    foundedOn: '2025-06-12',
    ...FORMING('NO_ADVISORY_BODY'),
    objectives: '发展工业软件和信创适配服务，培育本地软件产业生态。',
    members: [
      chair(
        enterprise(
          '湖南麓云软件股份有限公司',
          '430104',
          '国家规划布局内重点软件企业；工业软件收入超 10 亿元',
        ),
      ),
      member(enterprise('长沙开福数据服务有限公司', '430105')),
      member(LUSHAN_UNIVERSITY),
      member(TRANSFER_CENTRE),
    ],
  },
  {
    name: '长沙现代种业产业技术创新战略联盟',
    tenantCode: '430100',
    industryCode: 'HP12',
    topic: '现代种业',
    foundedOn: '2018-10-09',
    ...ESTABLISHED('2019-01-08'),
    objectives: '开展杂交水稻和特色蔬菜育种联合攻关，建设商业化育种体系。',
    members: [
      chair(
        enterprise('湖南潇湘种业股份有限公司', '430121', '国家育繁推一体化种子企业；杂交稻种子销量全国前十'),
      ),
      member(enterprise('长沙县金井农业科技有限公司', '430121')),
      vice(AGRICULTURAL_UNIVERSITY),
      member(CROP_INSTITUTE),
    ],
    host: AGRICULTURAL_UNIVERSITY,
  },
  // 株洲市
  {
    name: '株洲轨道交通装备产业技术创新战略联盟',
    tenantCode: '430200',
    industryCode: 'SE0204',
    topic: '轨道交通装备',
    foundedOn: '2017-03-28',
    ...ESTABLISHED('2017-06-30'),
    pilotStatus: 'CITY_PILOT',
    objectives: '攻关高速重载机车、城轨车辆及牵引传动系统关键技术，打造世界级轨道交通装备产业集群。',
    members: [
      chair(
        enterprise(
          '株洲天元轨道交通装备股份有限公司',
          '430211',
          '国家级企业技术中心；电力机车整车产能居全国前列',
        ),
      ),
      vice(
        enterprise(
          '株洲石峰牵引电气有限公司',
          '430204',
          '国家技术创新示范企业；牵引变流器国内市场占有率第二',
        ),
      ),
      member(enterprise('株洲荷塘轨道车辆配件有限公司', '430202')),
      vice(RAIL_COLLEGE),
      member(XIANGJIANG_UNIVERSITY),
      member(RAIL_INSTITUTE),
      member(RAIL_PROMOTION),
      exits(
        enterprise('株洲芦淞减振橡胶制品有限公司', '430203'),
        '2020-12-31',
        '企业被并购重组，由承继主体另行申请加入',
      ),
      joins(ZHUZHOU_CAPITAL, '2021-03-15'),
    ],
    host: RAIL_INSTITUTE,
  },
  {
    name: '株洲航空动力产业技术创新战略联盟',
    tenantCode: '430200',
    industryCode: 'SE0202',
    topic: '中小航空发动机',
    foundedOn: '2018-05-12',
    ...ESTABLISHED('2018-08-20'),
    objectives: '围绕中小航空发动机和通用航空动力开展设计、材料与制造工艺联合攻关。',
    members: [
      chair(
        enterprise(
          '株洲湘航动力机械股份有限公司',
          '430204',
          '国家级企业技术中心；中小航空发动机研制生产骨干企业',
        ),
      ),
      vice(
        enterprise(
          '株洲芦淞精密铸造有限公司',
          '430203',
          '省级工程技术研究中心；高温合金精密铸件国内主要供应商',
        ),
      ),
      member(LUSHAN_UNIVERSITY),
      member(MATERIALS_INSTITUTE),
      member(ZHUZHOU_CAPITAL),
    ],
  },
  {
    name: '株洲硬质合金产业技术创新战略联盟',
    tenantCode: '430200',
    industryCode: 'SE0302',
    topic: '硬质合金',
    foundedOn: '2017-11-08',
    ...ESTABLISHED('2018-01-15'),
    objectives: '发展高性能硬质合金、数控刀具和钨钼深加工产品。',
    members: [
      chair(
        enterprise('株洲钻石硬质合金股份有限公司', '430202', '国家级企业技术中心；硬质合金产量居全国首位'),
      ),
      member(enterprise('株洲天元切削刀具有限公司', '430211')),
      member(NONFERROUS_INSTITUTE),
      member(XIANGJIANG_UNIVERSITY),
    ],
  },
  {
    name: '醴陵日用陶瓷产业技术创新战略联盟',
    tenantCode: '430200',
    industryCode: 'HP07',
    topic: '日用陶瓷',
    foundedOn: '2017-08-01',
    status: 'DISSOLVED',
    establishedOn: '2017-11-20',
    dissolvedOn: '2023-06-30',
    reason: '主要成员单位转型，经理事会全体会议决议解散，未完成事项移交行业协会',
    objectives: '推动釉下五彩瓷工艺传承与日用陶瓷智能化烧成技术。',
    members: [
      chair(
        enterprise('醴陵华窑陶瓷股份有限公司', '430281', '国家级工业设计中心；釉下彩日用瓷出口居全国前列'),
      ),
      member(enterprise('醴陵釉下五彩瓷业有限公司', '430281')),
      member(XIANGTAN_UNIVERSITY),
      member(MATERIALS_INSTITUTE),
    ],
  },
  // 湘潭市
  {
    name: '湘潭先进钢铁材料产业技术创新战略联盟',
    tenantCode: '430300',
    industryCode: 'SE0301',
    topic: '先进钢铁材料',
    foundedOn: '2017-05-20',
    ...ESTABLISHED('2017-08-25'),
    objectives: '开发高强韧宽厚板、海洋工程用钢和汽车用钢，推进钢铁产业绿色低碳转型。',
    members: [
      chair(
        enterprise('湘潭湘钢特种钢材股份有限公司', '430304', '国家级企业技术中心；宽厚板年产能 600 万吨'),
      ),
      member(enterprise('湘潭岳塘焊接材料有限公司', '430304')),
      vice(XIANGTAN_UNIVERSITY),
      member(METALLURGY_INSTITUTE),
      member(XIANGJIANG_UNIVERSITY),
      joins(enterprise('湘乡金属制品有限公司', '430381'), '2022-04-08'),
    ],
  },
  {
    name: '湘潭智能制造装备产业技术创新战略联盟',
    tenantCode: '430300',
    industryCode: 'SE0201',
    topic: '智能制造装备',
    foundedOn: '2019-09-09',
    ...ESTABLISHED('2019-12-16'),
    objectives: '研制大功率电机驱动系统、智能产线和工业机器人关键部件。',
    members: [
      chair(
        enterprise(
          '湘潭雨湖电机装备股份有限公司',
          '430302',
          '国家级企业技术中心；大中型电机国内市场占有率前三',
        ),
      ),
      member(enterprise('湘潭九华智能装备有限公司', '430304')),
      member(XIANGTAN_UNIVERSITY),
      member(ELECTRICAL_INSTITUTE),
    ],
  },
  {
    name: '湘潭风电装备产业技术创新战略联盟',
    tenantCode: '430300',
    industryCode: 'SE0602',
    topic: '风电装备',
    foundedOn: '2025-04-18',
    ...FORMING('NO_IP_TERMS'),
    objectives: '研制大兆瓦海上风电机组及叶片、主轴承等关键部件。',
    members: [
      chair(
        enterprise(
          '湘潭风能动力装备股份有限公司',
          '430304',
          '国家高新技术企业；直驱风电机组累计装机居国内前十',
        ),
      ),
      member(enterprise('湘潭县叶片复合材料有限公司', '430321')),
      member(XIANGTAN_UNIVERSITY),
      member(ELECTRICAL_INSTITUTE),
    ],
  },
  // 衡阳市
  {
    name: '衡阳输变电装备产业技术创新战略联盟',
    tenantCode: '430400',
    industryCode: 'SE0604',
    topic: '输变电装备',
    foundedOn: '2018-04-10',
    ...ESTABLISHED('2018-07-02'),
    objectives: '研制特高压变压器、智能开关设备和特种电缆。',
    members: [
      chair(
        enterprise('衡阳雁城变压器股份有限公司', '430406', '国家级企业技术中心；特高压变压器主要供应商之一'),
      ),
      member(enterprise('衡阳珠晖电缆有限公司', '430405')),
      vice(HENGYANG_UNIVERSITY),
      member(MANUFACTURING_INSTITUTE),
      member(HENGYANG_TRANSFER),
    ],
  },
  {
    name: '衡阳核技术应用产业技术创新战略联盟',
    tenantCode: '430400',
    industryCode: 'SE0601',
    topic: '核技术应用',
    foundedOn: '2019-10-18',
    ...ESTABLISHED('2020-01-09'),
    objectives: '推进辐照加工、核医学同位素和核仪器仪表的产业化。',
    members: [
      chair(
        enterprise(
          '衡阳核源装备科技股份有限公司',
          '430407',
          '国家高新技术企业；核级仪控设备省内唯一定点企业',
        ),
      ),
      member(enterprise('衡阳蒸湘辐照技术有限公司', '430408')),
      member(HENGYANG_UNIVERSITY),
      member(NUCLEAR_INSTITUTE),
    ],
    host: NUCLEAR_INSTITUTE,
  },
  {
    name: '衡阳有色金属精深加工产业技术创新战略联盟',
    tenantCode: '430400',
    industryCode: 'HP05',
    topic: '铅锌精深加工',
    foundedOn: '2025-08-06',
    ...FORMING('NO_UNIVERSITY_OR_INSTITUTE'),
    objectives: '推进铅锌冶炼渣综合利用和高纯金属材料制备。',
    members: [
      chair(enterprise('常宁铅锌精炼股份有限公司', '430482', '省级企业技术中心；电解锌年产能 20 万吨')),
      member(enterprise('衡阳县有色合金材料有限公司', '430421')),
      member(enterprise('衡阳石鼓环保科技有限公司', '430407')),
      member(HENGYANG_TRANSFER),
    ],
  },
  // 邵阳市
  {
    name: '邵阳特种玻璃产业技术创新战略联盟',
    tenantCode: '430500',
    industryCode: 'SE0304',
    topic: '特种玻璃',
    foundedOn: '2018-10-26',
    ...ESTABLISHED('2019-01-18'),
    objectives: '发展高铝盖板玻璃、光伏玻璃和电子玻璃。',
    members: [
      chair(
        enterprise(
          '邵阳资江特种玻璃股份有限公司',
          '430511',
          '国家高新技术企业；高铝盖板玻璃国内主要生产企业',
        ),
      ),
      member(enterprise('邵东光电玻璃器件有限公司', '430582')),
      member(ZIJIANG_COLLEGE),
      member(MATERIALS_INSTITUTE),
    ],
  },
  {
    name: '邵阳发制品产业技术创新战略联盟',
    tenantCode: '430500',
    industryCode: 'HP09',
    topic: '发制品',
    foundedOn: '2025-07-15',
    ...FORMING('NO_BACKBONE_ENTERPRISE'),
    objectives: '开发仿真纤维和发制品柔性化生产工艺，提升出口产品附加值。',
    members: [
      chair(enterprise('邵阳大祥发制品有限公司', '430503')),
      member(enterprise('新邵县假发工艺品有限公司', '430522')),
      member(ZIJIANG_COLLEGE),
      member(HAIR_ASSOCIATION),
    ],
  },
  // 岳阳市
  {
    name: '岳阳石油化工产业技术创新战略联盟',
    tenantCode: '430600',
    industryCode: 'HP06',
    topic: '石油化工',
    foundedOn: '2017-04-12',
    ...ESTABLISHED('2017-07-18'),
    pilotStatus: 'CITY_PILOT',
    objectives: '推进炼化一体化、高端催化剂和化工新材料技术攻关，建设绿色化工产业园。',
    members: [
      chair(enterprise('岳阳云溪石化股份有限公司', '430603', '国家级企业技术中心；千万吨级炼化一体化企业')),
      vice(enterprise('岳阳长炼催化剂有限公司', '430603', '国家高新技术企业；炼油催化剂国内市场占有率前三')),
      member(DONGTING_COLLEGE),
      member(PETROCHEMICAL_INSTITUTE),
      member(PETROCHEMICAL_TRANSFER),
      member(XIANGJIANG_UNIVERSITY),
      exits(enterprise('汨罗再生塑料有限公司', '430681'), '2019-05-31', '经营困难，主动申请退出联盟'),
      joins(enterprise('临湘精细化工有限公司', '430682'), '2019-09-01'),
    ],
    host: PETROCHEMICAL_INSTITUTE,
  },
  {
    name: '岳阳电磁装备产业技术创新战略联盟',
    tenantCode: '430600',
    industryCode: 'SE0201',
    topic: '电磁装备',
    foundedOn: '2019-03-06',
    ...ESTABLISHED('2019-05-28'),
    objectives: '研制起重电磁铁、电磁搅拌和新能源汽车电磁部件。',
    members: [
      chair(
        enterprise(
          '岳阳巴陵电磁装备股份有限公司',
          '430602',
          '国家级专精特新“小巨人”企业；起重电磁铁国内市场占有率第一',
        ),
      ),
      member(enterprise('岳阳楼区起重电磁铁有限公司', '430602')),
      member(DONGTING_COLLEGE),
      member(ELECTRICAL_INSTITUTE),
    ],
  },
  {
    name: '岳阳黄茶产业技术创新战略联盟',
    tenantCode: '430600',
    industryCode: 'HP08',
    topic: '黄茶',
    foundedOn: '2025-05-09',
    ...FORMING('NO_FULL_TIME_STAFF'),
    objectives: '研究君山银针等黄茶加工工艺标准化和品质提升。',
    members: [
      chair(
        enterprise(
          '岳阳君山银针茶业股份有限公司',
          '430611',
          '农业产业化国家重点龙头企业；黄茶销量居全国前列',
        ),
      ),
      member(enterprise('岳阳县洞庭黄茶有限公司', '430621')),
      member(AGRICULTURAL_UNIVERSITY),
      member(TEA_INSTITUTE),
    ],
  },
  // 常德市
  {
    name: '常德高性能纤维复合材料产业技术创新战略联盟',
    tenantCode: '430700',
    industryCode: 'SE0305',
    topic: '碳纤维复合材料',
    foundedOn: '2019-06-20',
    ...ESTABLISHED('2019-09-26'),
    objectives: '发展碳纤维预浸料、复合材料构件及其在轨道交通和新能源领域的应用。',
    members: [
      chair(
        enterprise(
          '常德武陵碳纤维科技股份有限公司',
          '430702',
          '国家高新技术企业；碳纤维预浸料年产能 3000 吨',
        ),
      ),
      member(enterprise('常德鼎城复合材料有限公司', '430703')),
      member(WULING_COLLEGE),
      member(MATERIALS_INSTITUTE),
    ],
  },
  {
    name: '常德优质稻米产业技术创新战略联盟',
    tenantCode: '430700',
    industryCode: 'HP12',
    topic: '优质稻米',
    foundedOn: '2018-09-15',
    ...ESTABLISHED('2018-12-06'),
    objectives: '推广优质稻品种和绿色种植技术，发展稻米精深加工。',
    members: [
      chair(
        enterprise(
          '常德洞庭粮油股份有限公司',
          '430721',
          '农业产业化国家重点龙头企业；大米年加工能力 50 万吨',
        ),
      ),
      member(enterprise('澧县澧阳平原米业有限公司', '430723')),
      member(AGRICULTURAL_UNIVERSITY),
      member(WULING_COLLEGE),
      joins(YUANLI_BANK, '2020-10-12'),
    ],
  },
  {
    name: '常德工程机械关键零部件产业技术创新战略联盟',
    tenantCode: '430700',
    industryCode: 'HP01',
    topic: '工程机械关键零部件',
    foundedOn: '2025-03-20',
    ...FORMING('NO_FUND_SUPERVISION'),
    objectives: '攻关高压液压件、驱动桥等工程机械关键零部件的可靠性。',
    members: [
      chair(
        enterprise(
          '常德德山液压机械股份有限公司',
          '430702',
          '国家级专精特新“小巨人”企业；高压柱塞泵国内主要供应商',
        ),
      ),
      member(enterprise('津市车桥零部件有限公司', '430781')),
      member(WULING_COLLEGE),
      member(MACHINERY_ASSOCIATION),
    ],
  },
  // 张家界市
  {
    name: '张家界文化旅游数字创意产业技术创新战略联盟',
    tenantCode: '430800',
    industryCode: 'SE0802',
    topic: '文旅数字创意',
    foundedOn: '2020-08-08',
    ...ESTABLISHED('2020-11-12'),
    objectives: '发展沉浸式文旅体验、景区数字孪生和数字内容制作。',
    members: [
      chair(
        enterprise(
          '张家界天门数字文旅股份有限公司',
          '430802',
          '国家文化和科技融合示范基地企业；省内最大文旅数字内容制作商',
        ),
      ),
      member(enterprise('武陵源全景影像科技有限公司', '430811')),
      member(WULINGYUAN_COLLEGE),
      member(XIANGJIANG_UNIVERSITY),
    ],
  },
  {
    name: '张家界莓茶产业技术创新战略联盟',
    tenantCode: '430800',
    industryCode: 'SE0403',
    topic: '莓茶',
    foundedOn: '2025-10-16',
    ...FORMING('NO_RESULTS_DIFFUSION'),
    objectives: '研究莓茶功效成分提取和标准化种植加工。',
    members: [
      chair(
        enterprise('张家界永定莓茶股份有限公司', '430802', '农业产业化省级重点龙头企业；莓茶销量居全省首位'),
      ),
      member(enterprise('慈利县茅岩生物科技有限公司', '430821')),
      member(WULINGYUAN_COLLEGE),
      member(TEA_INSTITUTE),
    ],
  },
  // 益阳市
  {
    name: '益阳安化黑茶产业技术创新战略联盟',
    tenantCode: '430900',
    industryCode: 'HP08',
    topic: '安化黑茶',
    foundedOn: '2017-10-16',
    ...ESTABLISHED('2018-01-10'),
    objectives: '研究黑茶发花工艺、功能成分和质量追溯，提升安化黑茶品牌价值。',
    members: [
      chair(enterprise('安化千两茶业股份有限公司', '430923', '农业产业化国家重点龙头企业；黑茶年产量逾万吨')),
      vice(enterprise('安化资江茯砖茶有限公司', '430923', '省级企业技术中心；茯砖茶国家标准起草单位')),
      member(AGRICULTURAL_UNIVERSITY),
      member(TEA_INSTITUTE),
      member(DARK_TEA_ASSOCIATION),
      joins(ZIYANG_BANK, '2022-03-01'),
    ],
  },
  {
    name: '益阳电子元器件产业技术创新战略联盟',
    tenantCode: '430900',
    industryCode: 'SE0102',
    topic: '电子元器件',
    foundedOn: '2018-06-08',
    ...ESTABLISHED('2018-09-14'),
    objectives: '发展高可靠铝电解电容器、薄膜电容器和电子专用材料。',
    members: [
      chair(
        enterprise('益阳资江电容器股份有限公司', '430903', '国家级企业技术中心；铝电解电容器产量居全国前三'),
      ),
      member(enterprise('益阳赫山电子材料有限公司', '430903')),
      member(YIYANG_COLLEGE),
      member(MATERIALS_INSTITUTE),
    ],
  },
  {
    name: '益阳船舶与海洋工程装备产业技术创新战略联盟',
    tenantCode: '430900',
    industryCode: 'SE0205',
    topic: '内河船舶与海洋工程装备',
    foundedOn: '2018-02-26',
    status: 'DISSOLVED',
    establishedOn: '2018-05-30',
    dissolvedOn: '2024-12-20',
    reason: '内河船舶订单萎缩，联盟协议约定任务已完成，经理事会全体会议决议解散',
    objectives: '研制内河绿色智能船舶和中小型海洋工程辅助船。',
    members: [
      chair(enterprise('沅江船舶制造股份有限公司', '430981', '省级企业技术中心；内河船舶建造规模居全省第一')),
      member(enterprise('益阳游艇装备有限公司', '430902')),
      member(YIYANG_COLLEGE),
      member(MANUFACTURING_INSTITUTE),
    ],
  },
  // 郴州市
  {
    name: '郴州有色金属产业技术创新战略联盟',
    tenantCode: '431000',
    industryCode: 'SE0302',
    topic: '有色金属',
    foundedOn: '2017-07-07',
    ...ESTABLISHED('2017-10-19'),
    pilotStatus: 'CITY_PILOT',
    objectives: '推进钨、铋、银等有色金属清洁冶炼和高纯材料制备，建设有色金属新材料基地。',
    members: [
      chair(
        enterprise('郴州苏仙有色金属冶炼股份有限公司', '431003', '国家级企业技术中心；白银年产量居全国前列'),
      ),
      vice(enterprise('桂阳银星有色金属有限公司', '431021', '省级企业技术中心；高纯铋材料主要供应商')),
      member(LINYI_COLLEGE),
      member(CHENZHOU_METALS_INSTITUTE),
      member(NONFERROUS_INSTITUTE),
      member(XIANGJIANG_UNIVERSITY),
      exits(
        enterprise('宜章矿山机械设备有限公司', '431022'),
        '2022-08-31',
        '企业注销前申请退出，相关任务由理事长单位承接',
      ),
    ],
    host: CHENZHOU_METALS_INSTITUTE,
  },
  {
    name: '郴州石墨新材料产业技术创新战略联盟',
    tenantCode: '431000',
    industryCode: 'SE0304',
    topic: '石墨新材料',
    foundedOn: '2019-11-11',
    ...ESTABLISHED('2020-03-20'),
    objectives: '开发高纯石墨、锂电负极材料和石墨烯应用产品。',
    members: [
      chair(
        enterprise(
          '郴州北湖石墨科技股份有限公司',
          '431002',
          '国家高新技术企业；微晶石墨深加工规模居全国前列',
        ),
      ),
      member(enterprise('郴州鲁塘石墨制品有限公司', '431021')),
      member(LINYI_COLLEGE),
      member(MATERIALS_INSTITUTE),
    ],
  },
  {
    name: '郴州大数据产业技术创新战略联盟',
    tenantCode: '431000',
    industryCode: 'SE0104',
    topic: '绿色数据中心',
    foundedOn: '2025-11-05',
    ...FORMING('NO_AGREEMENT'),
    objectives: '利用东江湖冷水资源建设绿色数据中心，发展大数据存储和算力服务。',
    members: [
      chair(enterprise('资兴东江湖数据科技股份有限公司', '431081', '国家绿色数据中心；机架规模居全省前列')),
      member(enterprise('郴州云谷信息技术有限公司', '431002')),
      member(LINYI_COLLEGE),
      member(LUSHAN_UNIVERSITY),
    ],
  },
  // 永州市
  {
    name: '永州新能源汽车零部件产业技术创新战略联盟',
    tenantCode: '431100',
    industryCode: 'SE0502',
    topic: '新能源汽车零部件',
    foundedOn: '2020-05-18',
    ...ESTABLISHED('2020-09-08'),
    objectives: '研制驱动电机、电控系统和轻量化结构件。',
    members: [
      chair(
        enterprise(
          '永州潇湘汽车零部件股份有限公司',
          '431103',
          '国家高新技术企业；驱动电机壳体国内主要供应商',
        ),
      ),
      member(enterprise('东安电机配件有限公司', '431122')),
      member(XIAOXIANG_COLLEGE),
      member(SHANGHAI_EV_INSTITUTE),
      member(XIANGJIANG_UNIVERSITY),
    ],
  },
  {
    name: '永州电子信息产业技术创新战略联盟',
    tenantCode: '431100',
    industryCode: 'HP10',
    topic: '智能终端',
    foundedOn: '2025-05-20',
    ...FORMING('READY'),
    objectives: '承接电子信息产业转移，发展智能终端和电子元件制造。',
    members: [
      chair(
        enterprise(
          '永州冷水滩电子科技股份有限公司',
          '431103',
          '国家高新技术企业；智能终端年产量逾 1000 万台',
        ),
      ),
      member(enterprise('道县智能终端制造有限公司', '431124')),
      member(XIAOXIANG_COLLEGE),
      member(TRANSFER_CENTRE),
    ],
  },
  // 怀化市
  {
    name: '怀化中医药产业技术创新战略联盟',
    tenantCode: '431200',
    industryCode: 'SE0401',
    topic: '中医药',
    foundedOn: '2018-08-18',
    ...ESTABLISHED('2018-11-22'),
    objectives: '开展道地药材规范化种植、中药饮片炮制和经典名方开发。',
    members: [
      chair(
        enterprise(
          '怀化雪峰山中药股份有限公司',
          '431202',
          '国家级企业技术中心；中药饮片年销售收入居全省前三',
        ),
      ),
      member(enterprise('洪江道地药材有限公司', '431281')),
      member(WUXI_COLLEGE),
      member(HERB_INSTITUTE),
      member(TCM_UNIVERSITY),
    ],
  },
  {
    name: '怀化竹木生物质能产业技术创新战略联盟',
    tenantCode: '431200',
    industryCode: 'SE0404',
    topic: '竹木生物质能',
    foundedOn: '2021-04-08',
    ...ESTABLISHED('2021-07-15'),
    objectives: '利用竹木加工剩余物发展生物质成型燃料和生物质发电。',
    members: [
      chair(
        enterprise(
          '会同竹业生物质能源股份有限公司',
          '431225',
          '省级企业技术中心；生物质成型燃料年产能 30 万吨',
        ),
      ),
      member(enterprise('中方县林产化工有限公司', '431221')),
      member(WUXI_COLLEGE),
    ],
  },
  // 娄底市
  {
    name: '娄底精品钢材及薄板深加工产业技术创新战略联盟',
    tenantCode: '431300',
    industryCode: 'HP04',
    topic: '精品钢材及薄板深加工',
    foundedOn: '2017-09-19',
    ...ESTABLISHED('2017-12-28'),
    pilotStatus: 'CITY_PILOT',
    objectives: '发展汽车板、电工钢和薄板深加工产品，延伸钢铁产业链。',
    members: [
      chair(
        enterprise('娄底湘中精品钢材股份有限公司', '431302', '国家级企业技术中心；冷轧薄板年产能 300 万吨'),
      ),
      member(enterprise('娄底娄星冷轧板材有限公司', '431302')),
      member(XIANGTAN_UNIVERSITY),
      member(METALLURGY_INSTITUTE),
      member(XIANGZHONG_COLLEGE),
      joins(XIANGCHUANG_CAPITAL, '2023-02-16'),
    ],
    host: METALLURGY_INSTITUTE,
  },
  {
    name: '娄底先进陶瓷材料产业技术创新战略联盟',
    tenantCode: '431300',
    industryCode: 'SE0304',
    topic: '先进陶瓷材料',
    foundedOn: '2019-12-06',
    ...ESTABLISHED('2020-04-15'),
    objectives: '发展电子陶瓷、结构陶瓷和耐火材料。',
    members: [
      chair(enterprise('冷水江特种陶瓷股份有限公司', '431381', '国家高新技术企业；结构陶瓷国内主要供应商')),
      vice(enterprise('新化电子陶瓷有限公司', '431322', '省级企业技术中心；电子陶瓷元件产值居全省首位')),
      member(XIANGZHONG_COLLEGE),
      member(MATERIALS_INSTITUTE),
    ],
  },
  // 湘西土家族苗族自治州
  {
    name: '湘西锰锌新材料产业技术创新战略联盟',
    tenantCode: '433100',
    industryCode: 'SE0302',
    topic: '锰锌新材料',
    foundedOn: '2018-11-09',
    ...ESTABLISHED('2019-03-01'),
    objectives: '推进电解锰、电解锌清洁生产和锰系电池材料开发。',
    members: [
      chair(enterprise('湘西武陵锰业股份有限公司', '433124', '省级企业技术中心；电解锰清洁生产示范企业')),
      member(enterprise('保靖锌品深加工有限公司', '433125')),
      member(WULINGSHAN_UNIVERSITY),
      member(NONFERROUS_INSTITUTE),
    ],
  },
  {
    name: '湘西猕猴桃产业技术创新战略联盟',
    tenantCode: '433100',
    industryCode: 'HP12',
    topic: '猕猴桃',
    foundedOn: '2019-08-12',
    ...ESTABLISHED('2019-11-05'),
    objectives: '选育红心猕猴桃新品种，推广标准化种植和冷链保鲜技术。',
    members: [
      chair(
        enterprise(
          '湘西凤凰红心猕猴桃股份有限公司',
          '433123',
          '农业产业化省级重点龙头企业；猕猴桃种植基地 5 万亩',
        ),
      ),
      member(enterprise('永顺果业开发有限公司', '433127')),
      member(WULINGSHAN_UNIVERSITY),
      member(AGRICULTURAL_UNIVERSITY),
    ],
  },
  {
    name: '湘西民族医药产业技术创新战略联盟',
    tenantCode: '433100',
    industryCode: 'HP11',
    topic: '民族医药',
    foundedOn: '2025-06-26',
    ...FORMING('TOO_FEW_MEMBERS'),
    objectives: '挖掘土家医药、苗医药验方，开发民族药新品种。',
    members: [
      chair(enterprise('吉首民族医药股份有限公司', '433101', '省级企业技术中心；苗药制剂品种数居全省首位')),
      member(WULINGSHAN_UNIVERSITY),
    ],
  },
];
