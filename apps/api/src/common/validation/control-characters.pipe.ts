import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { badInput } from '../errors/app-error';
import { ControlCharacterViolations } from './control-characters';

/**
 * The REST routes' text (path parameters, query, multipart fields) is refused by field when it
 * holds a control character, before the handler runs. An uploaded file's name is refused before
 * its bytes are staged (documents/upload-staging.ts). A global pipe,
 * so a route added later is covered too. GraphQL arguments reach it as well, already checked
 * (with their schema types) by controlCharactersPlugin.
 */
@Injectable()
export class ControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found = new ControlCharacterViolations();
    if (metadata.type !== 'custom') found.checkValue(value, metadata.data ?? '');
    if (found.found.length > 0) throw badInput(found.found);
    return value;
  }
}
