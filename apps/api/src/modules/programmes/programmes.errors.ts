import { AppError } from '../../common/errors/app-error';

export const programmePublished = () => new AppError('PROGRAMME_PUBLISHED');
export const programmeChanged = () => new AppError('PROGRAMME_CHANGED');
