/** The simulator's notion of now (key ages, expiry, audit times), which tests and the control endpoint can move. */
export class SimClock {
  #offsetMs = 0;

  constructor(readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.source().getTime() + this.#offsetMs);
  }

  set(at: Date): void {
    this.#offsetMs = at.getTime() - this.source().getTime();
  }
}
