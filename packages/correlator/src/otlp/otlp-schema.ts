import protobuf from 'protobufjs';

// The subset of the OTLP message definitions the correlator reads, written from
// the field numbers in opentelemetry-proto v1 (common, resource, trace, logs,
// metrics and the collector service messages). protobufjs skips every field
// that is not listed here, so records decode without their bodies, ids or
// values. Only log records keep their attributes, because lifecycle events are
// read from them; the timeline needs nothing else from spans and data points. Field names are the lowerCamelCase OTLP/JSON names, so
// `toObject` output reads with the same code as a JSON body.

const keyValues = (id: number) => ({ rule: 'repeated', type: 'KeyValue', id });
const fixed64 = (id: number) => ({ type: 'fixed64', id });

const descriptor = {
  nested: {
    otlp: {
      nested: {
        AnyValue: {
          oneofs: {
            value: {
              oneof: [
                'stringValue',
                'boolValue',
                'intValue',
                'doubleValue',
                'arrayValue',
                'kvlistValue',
                'bytesValue',
              ],
            },
          },
          fields: {
            stringValue: { type: 'string', id: 1 },
            boolValue: { type: 'bool', id: 2 },
            intValue: { type: 'int64', id: 3 },
            doubleValue: { type: 'double', id: 4 },
            arrayValue: { type: 'ArrayValue', id: 5 },
            kvlistValue: { type: 'KeyValueList', id: 6 },
            bytesValue: { type: 'bytes', id: 7 },
          },
        },
        ArrayValue: { fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } } },
        KeyValueList: { fields: { values: keyValues(1) } },
        KeyValue: {
          fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } },
        },
        Resource: { fields: { attributes: keyValues(1) } },

        Span: { fields: { startTimeUnixNano: fixed64(7) } },
        ScopeSpans: { fields: { spans: { rule: 'repeated', type: 'Span', id: 2 } } },
        ResourceSpans: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scopeSpans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
          },
        },
        ExportTraceServiceRequest: {
          fields: { resourceSpans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } },
        },

        LogRecord: {
          fields: {
            timeUnixNano: fixed64(1),
            attributes: keyValues(6),
            observedTimeUnixNano: fixed64(11),
            eventName: { type: 'string', id: 12 },
          },
        },
        ScopeLogs: { fields: { logRecords: { rule: 'repeated', type: 'LogRecord', id: 2 } } },
        ResourceLogs: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scopeLogs: { rule: 'repeated', type: 'ScopeLogs', id: 2 },
          },
        },
        ExportLogsServiceRequest: {
          fields: { resourceLogs: { rule: 'repeated', type: 'ResourceLogs', id: 1 } },
        },

        // Every data point kind keeps its time in field 3.
        NumberDataPoint: { fields: { timeUnixNano: fixed64(3) } },
        HistogramDataPoint: { fields: { timeUnixNano: fixed64(3) } },
        ExponentialHistogramDataPoint: { fields: { timeUnixNano: fixed64(3) } },
        SummaryDataPoint: { fields: { timeUnixNano: fixed64(3) } },
        Gauge: { fields: { dataPoints: { rule: 'repeated', type: 'NumberDataPoint', id: 1 } } },
        Sum: { fields: { dataPoints: { rule: 'repeated', type: 'NumberDataPoint', id: 1 } } },
        Histogram: {
          fields: { dataPoints: { rule: 'repeated', type: 'HistogramDataPoint', id: 1 } },
        },
        ExponentialHistogram: {
          fields: {
            dataPoints: { rule: 'repeated', type: 'ExponentialHistogramDataPoint', id: 1 },
          },
        },
        Summary: { fields: { dataPoints: { rule: 'repeated', type: 'SummaryDataPoint', id: 1 } } },
        Metric: {
          fields: {
            gauge: { type: 'Gauge', id: 5 },
            sum: { type: 'Sum', id: 7 },
            histogram: { type: 'Histogram', id: 9 },
            exponentialHistogram: { type: 'ExponentialHistogram', id: 10 },
            summary: { type: 'Summary', id: 11 },
          },
        },
        ScopeMetrics: { fields: { metrics: { rule: 'repeated', type: 'Metric', id: 2 } } },
        ResourceMetrics: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scopeMetrics: { rule: 'repeated', type: 'ScopeMetrics', id: 2 },
          },
        },
        ExportMetricsServiceRequest: {
          fields: { resourceMetrics: { rule: 'repeated', type: 'ResourceMetrics', id: 1 } },
        },

        // The responses: each partial success carries the rejected count in field 1
        // (int64) and the message in field 2.
        ExportTracePartialSuccess: {
          fields: {
            rejectedSpans: { type: 'int64', id: 1 },
            errorMessage: { type: 'string', id: 2 },
          },
        },
        ExportTraceServiceResponse: {
          fields: { partialSuccess: { type: 'ExportTracePartialSuccess', id: 1 } },
        },
        ExportLogsPartialSuccess: {
          fields: {
            rejectedLogRecords: { type: 'int64', id: 1 },
            errorMessage: { type: 'string', id: 2 },
          },
        },
        ExportLogsServiceResponse: {
          fields: { partialSuccess: { type: 'ExportLogsPartialSuccess', id: 1 } },
        },
        ExportMetricsPartialSuccess: {
          fields: {
            rejectedDataPoints: { type: 'int64', id: 1 },
            errorMessage: { type: 'string', id: 2 },
          },
        },
        ExportMetricsServiceResponse: {
          fields: { partialSuccess: { type: 'ExportMetricsPartialSuccess', id: 1 } },
        },

        // google.rpc.Status, the body of every OTLP/HTTP error response.
        Status: {
          fields: { code: { type: 'int32', id: 1 }, message: { type: 'string', id: 2 } },
        },
      },
    },
  },
};

/** The protobufjs root holding the OTLP messages above, under the package `otlp`. */
export const otlpRoot = protobuf.Root.fromJSON(descriptor);
