// Background work that runs on a timer and on demand, never overlapping itself (outbox relays, webhook senders).
import type { Logger } from '@shop/common';

export abstract class PollingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    protected readonly logger: Logger,
    private readonly pollMs: number,
    /** What a failed round is reported as. */
    private readonly label: string,
  ) {}

  /** One round of work; resolves when there is nothing left to do now. */
  abstract drain(): Promise<void>;

  start(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a round now; a kick during a round runs another right after it, so no work waits for the timer. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, `${this.label} failed; will retry`))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
