import { fieldViolation, type FieldViolation } from '@xiangmeng/domain';
import { AppError, badInput } from '../../common/errors/app-error';

export function violation(field: string, rule: string, message: string): FieldViolation {
  return { ...fieldViolation(field, rule), message };
}

export function invalid(field: string, rule: string, message: string): AppError {
  return badInput([violation(field, rule, message)]);
}

export function allianceChanged(): AppError {
  return new AppError('CONFLICT', {}, '联盟信息已被他人修改，请刷新后重试');
}

export function allianceDissolved(): AppError {
  return new AppError('CONFLICT', {}, '联盟已解散，记录只读');
}
