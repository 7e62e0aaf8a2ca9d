import { AppError } from '../../common/errors/app-error';

export function allianceChanged(): AppError {
  return new AppError('CONFLICT', {}, '联盟信息已被他人修改，请刷新后重试');
}

export function allianceDissolved(): AppError {
  return new AppError('CONFLICT', {}, '联盟已解散，记录只读');
}
