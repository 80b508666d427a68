/**
 * Parses a response body as JSON and types it as the documented shape `T`.
 * Nothing checks the shape at run time, so the calling test's assertions are
 * what catch a body that differs from `T`. Throws when the body is not JSON.
 */
export async function readJson<T>(response: Response): Promise<T> {
  const body: T = JSON.parse(await response.text());
  return body;
}

/** The body of a 4xx response from the query API. */
export interface QueryErrorBody {
  error: string;
}

/** The body of a rejected OTLP export, as the JSON form of `google.rpc.Status`. */
export interface OtlpStatusBody {
  code: number;
  message: string;
}

/** The body of an accepted OTLP/JSON export with a partial success. */
export interface PartialSuccessBody {
  partialSuccess?: {
    rejectedSpans?: string;
    rejectedLogRecords?: string;
    rejectedDataPoints?: string;
    errorMessage?: string;
  };
}
