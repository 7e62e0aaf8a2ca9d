// The industry classification alliances are filed under (Art. 6–7): the national strategic
// emerging industry classes (国家统计局《战略性新兴产业分类（2018）》, first level and main
// second-level classes) plus Hunan's traditional pillar industries. Kept as data: the migration
// seeds it, and later versions add to it.

export const IndustryCategory = {
  STRATEGIC_EMERGING: 'STRATEGIC_EMERGING',
  HUNAN_PILLAR: 'HUNAN_PILLAR',
} as const;
export type IndustryCategory = (typeof IndustryCategory)[keyof typeof IndustryCategory];

export const INDUSTRY_CATEGORY_LABELS: Record<IndustryCategory, string> = {
  STRATEGIC_EMERGING: '战略性新兴产业',
  HUNAN_PILLAR: '湖南传统支柱产业',
};

export type Industry = { code: string; name: string; parentCode: string | null; category: IndustryCategory };

const se = (code: string, name: string, parentCode: string | null = null): Industry => ({
  code,
  name,
  parentCode,
  category: 'STRATEGIC_EMERGING',
});
const hp = (code: string, name: string): Industry => ({
  code,
  name,
  parentCode: null,
  category: 'HUNAN_PILLAR',
});

export const INDUSTRIES: readonly Industry[] = [
  se('SE01', '新一代信息技术产业'),
  se('SE0101', '下一代信息网络产业', 'SE01'),
  se('SE0102', '电子核心产业', 'SE01'),
  se('SE0103', '新兴软件和新型信息技术服务', 'SE01'),
  se('SE0104', '互联网与云计算、大数据服务', 'SE01'),
  se('SE0105', '人工智能', 'SE01'),
  se('SE02', '高端装备制造产业'),
  se('SE0201', '智能制造装备产业', 'SE02'),
  se('SE0202', '航空装备产业', 'SE02'),
  se('SE0203', '卫星及应用产业', 'SE02'),
  se('SE0204', '轨道交通装备产业', 'SE02'),
  se('SE0205', '海洋工程装备产业', 'SE02'),
  se('SE03', '新材料产业'),
  se('SE0301', '先进钢铁材料', 'SE03'),
  se('SE0302', '先进有色金属材料', 'SE03'),
  se('SE0303', '先进石化化工新材料', 'SE03'),
  se('SE0304', '先进无机非金属材料', 'SE03'),
  se('SE0305', '高性能纤维及制品和复合材料', 'SE03'),
  se('SE0306', '前沿新材料', 'SE03'),
  se('SE04', '生物产业'),
  se('SE0401', '生物医药产业', 'SE04'),
  se('SE0402', '生物医学工程产业', 'SE04'),
  se('SE0403', '生物农业及相关产业', 'SE04'),
  se('SE0404', '生物质能产业', 'SE04'),
  se('SE05', '新能源汽车产业'),
  se('SE0501', '新能源汽车整车制造', 'SE05'),
  se('SE0502', '新能源汽车装置、配件制造', 'SE05'),
  se('SE06', '新能源产业'),
  se('SE0601', '核电产业', 'SE06'),
  se('SE0602', '风能产业', 'SE06'),
  se('SE0603', '太阳能产业', 'SE06'),
  se('SE0604', '智能电网产业', 'SE06'),
  se('SE07', '节能环保产业'),
  se('SE0701', '高效节能产业', 'SE07'),
  se('SE0702', '先进环保产业', 'SE07'),
  se('SE0703', '资源循环利用产业', 'SE07'),
  se('SE08', '数字创意产业'),
  se('SE0801', '数字创意技术设备制造', 'SE08'),
  se('SE0802', '数字文化创意活动', 'SE08'),
  se('SE09', '相关服务业'),
  se('SE0901', '新技术与创新创业服务', 'SE09'),
  hp('HP01', '工程机械'),
  hp('HP02', '轨道交通装备'),
  hp('HP03', '汽车及零部件'),
  hp('HP04', '钢铁'),
  hp('HP05', '有色金属'),
  hp('HP06', '石油化工'),
  hp('HP07', '建材'),
  hp('HP08', '食品'),
  hp('HP09', '轻工纺织'),
  hp('HP10', '电子信息'),
  hp('HP11', '生物医药'),
  hp('HP12', '现代农业'),
];

export function findIndustry(code: string): Industry | undefined {
  return INDUSTRIES.find((i) => i.code === code);
}
