import { diag } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { ExportResultCode } from '@opentelemetry/core';
import type { ExportCounter } from './export-counter.js';

/** The part of the span, log record and metric exporter interfaces a lazy exporter forwards. */
export interface BatchExporter<Batch> {
  export(batch: Batch, resultCallback: (result: ExportResult) => void): void;
  forceFlush?(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Loads the real exporter on the first export instead of at start, so an application that
 * exits before exporting anything never pays for the exporter's modules. A load failure fails
 * that export (reported once through `diag`) and every later one.
 */
export class LazyExporter<Batch> implements BatchExporter<Batch> {
  private loaded: Promise<BatchExporter<Batch>> | undefined;

  constructor(
    private readonly load: () => Promise<BatchExporter<Batch>>,
    private readonly counter: ExportCounter,
    private readonly countItems: (batch: Batch) => number,
  ) {}

  export(batch: Batch, resultCallback: (result: ExportResult) => void): void {
    const items = this.countItems(batch);
    this.counter.sent += items;
    const done = (result: ExportResult) => {
      if (result.code === ExportResultCode.SUCCESS) {
        this.counter.delivered += items;
      } else {
        this.counter.failed += items;
      }
      resultCallback(result);
    };

    this.exporter().then(
      (exporter) => exporter.export(batch, done),
      (error: Error) => done({ code: ExportResultCode.FAILED, error }),
    );
  }

  async forceFlush(): Promise<void> {
    if (this.loaded !== undefined) {
      await (await this.loaded).forceFlush?.();
    }
  }

  async shutdown(): Promise<void> {
    if (this.loaded !== undefined) {
      await (await this.loaded).shutdown();
    }
  }

  private exporter(): Promise<BatchExporter<Batch>> {
    this.loaded ??= this.load().catch((error: unknown) => {
      diag.error(
        `loading the ${this.counter.unit} exporter failed; nothing will be exported`,
        error,
      );
      throw error;
    });
    return this.loaded;
  }
}
