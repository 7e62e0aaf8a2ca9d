// Hunan's administrative divisions (GB/T 2260) that are tenants of the platform.
export const TenantLevel = {
  PROVINCE: 'PROVINCE',
  CITY: 'CITY',
} as const;
export type TenantLevel = (typeof TenantLevel)[keyof typeof TenantLevel];

export type Division = {
  code: string;
  name: string;
  bureauName: string;
  level: TenantLevel;
  parentCode: string | null;
};

export const PROVINCE_CODE = '430000';

const cities: ReadonlyArray<[code: string, name: string, bureauName: string]> = [
  ['430100', '长沙市', '长沙市科学技术局'],
  ['430200', '株洲市', '株洲市科学技术局'],
  ['430300', '湘潭市', '湘潭市科学技术局'],
  ['430400', '衡阳市', '衡阳市科学技术局'],
  ['430500', '邵阳市', '邵阳市科学技术局'],
  ['430600', '岳阳市', '岳阳市科学技术局'],
  ['430700', '常德市', '常德市科学技术局'],
  ['430800', '张家界市', '张家界市科学技术局'],
  ['430900', '益阳市', '益阳市科学技术局'],
  ['431000', '郴州市', '郴州市科学技术局'],
  ['431100', '永州市', '永州市科学技术局'],
  ['431200', '怀化市', '怀化市科学技术局'],
  ['431300', '娄底市', '娄底市科学技术局'],
  ['433100', '湘西土家族苗族自治州', '湘西土家族苗族自治州科学技术局'],
];

export const HUNAN_DIVISIONS: readonly Division[] = [
  {
    code: PROVINCE_CODE,
    name: '湖南省',
    bureauName: '湖南省科学技术厅',
    level: TenantLevel.PROVINCE,
    parentCode: null,
  },
  ...cities.map(([code, name, bureauName]) => ({
    code,
    name,
    bureauName,
    level: TenantLevel.CITY,
    parentCode: PROVINCE_CODE,
  })),
];

export function findDivision(code: string): Division | undefined {
  return HUNAN_DIVISIONS.find((d) => d.code === code);
}
