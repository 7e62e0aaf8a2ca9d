// Time comes from one injectable clock so expiry and throttling can be tested without waiting.
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
