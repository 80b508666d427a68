/** Counts of what one signal handed its exporters and what the receiver confirmed. */
export class ExportCounter {
  /** Items handed to the exporter. */
  sent = 0;
  /** Items the exporter reported as delivered. */
  delivered = 0;
  /** Items the exporter reported as failed. */
  failed = 0;

  constructor(
    /** The plural noun for the items, for messages: `spans`, `log records`, `metric points`. */
    readonly unit: string,
  ) {}

  /** Items sent but neither delivered nor failed yet. */
  get pending(): number {
    return this.sent - this.delivered - this.failed;
  }
}
