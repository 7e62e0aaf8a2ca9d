import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { badInput } from '../errors/app-error';
import { ControlCharacterViolations } from './control-characters';

type UploadedFileLike = { originalname: string; buffer: unknown };

function isUploadedFile(value: unknown): value is UploadedFileLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<UploadedFileLike>).originalname === 'string' &&
    'buffer' in value
  );
}

/**
 * The REST routes' text (path parameters, query, multipart fields, an uploaded file's name) is
 * refused by field when it holds a control character, before the handler runs. A global pipe,
 * so a route added later is covered too. GraphQL arguments reach it as well, already checked
 * (with their schema types) by controlCharactersPlugin.
 */
@Injectable()
export class ControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found = new ControlCharacterViolations();
    if (metadata.type !== 'custom') found.checkValue(value, metadata.data ?? '');
    // Multipart file names arrive as Latin-1 bytes; a control byte is the same code unit in both.
    else if (isUploadedFile(value)) found.checkText(value.originalname, 'file');
    if (found.found.length > 0) throw badInput(found.found);
    return value;
  }
}
