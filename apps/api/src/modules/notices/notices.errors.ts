import { AppError } from '../../common/errors/app-error';

export const noticeNotDraft = () => new AppError('NOTICE_NOT_DRAFT');
export const noticeNotPublished = () => new AppError('NOTICE_NOT_PUBLISHED');
export const noticeChanged = () => new AppError('NOTICE_CHANGED');
