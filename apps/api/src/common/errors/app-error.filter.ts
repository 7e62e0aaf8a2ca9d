import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { AppError } from './app-error';

// An AppError is an answer to the client (wrong password, bad input), not a fault: hand it to
// Apollo as it is, without Nest logging it as an unhandled exception.
@Catch(AppError)
export class AppErrorFilter implements GqlExceptionFilter {
  catch(error: AppError): AppError {
    return error;
  }
}
