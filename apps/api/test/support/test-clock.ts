import { Clock } from '../../src/common/clock';

/** A clock the test moves by hand. */
export class TestClock extends Clock {
  private current: Date;

  constructor(start = new Date('2026-11-29T09:00:00+08:00')) {
    super();
    this.current = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
