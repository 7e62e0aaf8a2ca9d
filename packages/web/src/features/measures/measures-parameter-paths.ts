import {
  resolveParameters,
  REVIEW_CRITERION_LABELS,
  type FieldViolation,
  type MeasuresOverrides,
  type MeasuresParameters,
} from '@xiangmeng/domain';
import { PARAMETER_LABELS, type ParameterPath, type ParameterSection } from '@xiangmeng/domain';

// The API stores parameters only after the domain's validator accepted them (checkOverridesShape
// for a city's), so the apps read them as the domain's types; a version stored before a section
// existed (filing) reads that section's defaults.
export function readParameters(value: unknown): MeasuresParameters {
  return resolveParameters(value as MeasuresParameters, {});
}

export function readOverrides(value: unknown): MeasuresOverrides {
  const overrides: unknown = value ?? {};
  return overrides as MeasuresOverrides;
}

export function isParameterPath(value: string): value is ParameterPath {
  return Object.hasOwn(PARAMETER_LABELS, value);
}

export function splitPath(path: ParameterPath): [ParameterSection, string] {
  const [section, key] = path.split('.') as [ParameterSection, string];
  return [section, key];
}

export function parameterValue(parameters: MeasuresParameters, path: ParameterPath): unknown {
  const [section, key] = splitPath(path);
  return (parameters[section] as Record<string, unknown>)[key];
}

/** The parameters a city's measures set, in the order of PARAMETER_LABELS. */
export function overriddenPaths(overrides: MeasuresOverrides): ParameterPath[] {
  return (Object.keys(PARAMETER_LABELS) as ParameterPath[]).filter((path) => {
    const [section, key] = splitPath(path);
    const values = overrides[section] as Record<string, unknown> | undefined;
    return values !== undefined && Object.hasOwn(values, key);
  });
}

/** Overrides holding exactly `paths`, with their values taken from `parameters`. */
export function pickOverrides(
  parameters: MeasuresParameters,
  paths: Iterable<ParameterPath>,
): MeasuresOverrides {
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const path of paths) {
    const [section, key] = splitPath(path);
    overrides[section] = { ...overrides[section], [key]: parameterValue(parameters, path) };
  }
  return overrides;
}

/**
 * Sorts violations onto the parameters they name (the domain says `founding.minMembers`, the API
 * `parameters.founding.minMembers`), with the list item or criterion spelled out
 * in Chinese; whatever names no parameter is returned as `unplaced`.
 */
export function placeViolations(
  violations: readonly FieldViolation[],
  parameters: MeasuresParameters,
): { byPath: Map<ParameterPath, string[]>; unplaced: string[] } {
  const byPath = new Map<ParameterPath, string[]>();
  const unplaced: string[] = [];
  for (const violation of violations) {
    const segments = violation.field.replace(/^parameters\./, '').split('.');
    const path = `${segments[0]}.${segments[1]}`;
    if (!isParameterPath(path)) {
      unplaced.push(violation.message);
      continue;
    }
    const message = `${itemLabel(path, segments.slice(2), parameters)}${violation.message}`;
    const messages = byPath.get(path) ?? [];
    if (!messages.includes(message)) byPath.set(path, [...messages, message]);
  }
  return { byPath, unplaced };
}

const REQUIREMENT_PARTS: Record<string, string> = { min: '最少家数', types: '单位类型', label: '名称' };

// "第 2 类「企业」最少家数：" for an item of a list parameter; empty for the parameter itself.
function itemLabel(path: ParameterPath, rest: string[], parameters: MeasuresParameters): string {
  const [item, part] = rest;
  if (item === undefined) return '';
  const index = Number(item);
  if (path === 'founding.memberTypeRequirements') {
    const label = parameters.founding.memberTypeRequirements[index]?.label.trim();
    return `第 ${index + 1} 类${label ? `「${label}」` : ''}${REQUIREMENT_PARTS[part ?? ''] ?? ''}：`;
  }
  if (path === 'review.criteria') {
    const key = parameters.review.criteria[index]?.key;
    return key ? `${REVIEW_CRITERION_LABELS[key]}：` : `第 ${index + 1} 项：`;
  }
  if (path === 'support.matchRatio') return item === 'numerator' ? '支持额：' : '先行投入：';
  return Number.isInteger(index) ? `第 ${index + 1} 项：` : '';
}
