/**
 * Counters and gauges in Prometheus text format (version 0.0.4). Kept by hand: a dozen series do
 * not justify a dependency. The relay and the HTTP API count into them; `http/metrics.ts` serves
 * them. They live beside both so that the relay never imports from `http/`.
 */

/** Why a connection was closed or a request refused: a close reason or an `http-*` reason. */
type RejectReason = string;

const WRITE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export interface Metrics {
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
  updatesStored: number;
  compactions: number;
  compactionsRefused: number;
  droppedPending: number;
  /** Several nodes: updates another node stored and announced, applied here. */
  updatesFromNodes: number;
  /** Several nodes: spaces read again from storage (after Redis came back, or an out-of-order update). */
  catchUps: number;
  reject(reason: RejectReason): void;
  observeWrite(seconds: number): void;
  render(gauges: { connections: number; spacesLoaded: number }): string;
}

export function makeMetrics(): Metrics {
  const rejections = new Map<RejectReason, number>();
  const buckets = WRITE_BUCKETS.map(() => 0);
  let writeCount = 0;
  let writeSum = 0;
  const metrics: Metrics = {
    messagesIn: 0,
    messagesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
    updatesStored: 0,
    compactions: 0,
    compactionsRefused: 0,
    droppedPending: 0,
    updatesFromNodes: 0,
    catchUps: 0,
    reject(reason) {
      rejections.set(reason, (rejections.get(reason) ?? 0) + 1);
    },
    observeWrite(seconds) {
      writeCount++;
      writeSum += seconds;
      WRITE_BUCKETS.forEach((le, i) => {
        if (seconds <= le) buckets[i] = (buckets[i] ?? 0) + 1;
      });
    },
    render({ connections, spacesLoaded }) {
      const lines: string[] = [];
      const series = (name: string, type: string, help: string, value: number) => {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
      };
      series('rapport_connections', 'gauge', 'Open authenticated WebSocket connections.', connections);
      series('rapport_spaces_loaded', 'gauge', 'Spaces held in memory.', spacesLoaded);
      series('rapport_messages_in_total', 'counter', 'Protocol messages received.', metrics.messagesIn);
      series('rapport_messages_out_total', 'counter', 'Protocol messages sent.', metrics.messagesOut);
      series('rapport_bytes_in_total', 'counter', 'Bytes of protocol messages received.', metrics.bytesIn);
      series('rapport_bytes_out_total', 'counter', 'Bytes of protocol messages sent.', metrics.bytesOut);
      series('rapport_updates_stored_total', 'counter', 'Document updates appended to storage.', metrics.updatesStored);
      series('rapport_compactions_total', 'counter', 'Spaces compacted into a snapshot.', metrics.compactions);
      series(
        'rapport_compactions_refused_total',
        'counter',
        'Snapshots that did not load back, so rows were kept.',
        metrics.compactionsRefused,
      );
      series(
        'rapport_dropped_pending_total',
        'counter',
        'Parked updates given up on (dependencies never arrived); clients re-send them on resync.',
        metrics.droppedPending,
      );
      series(
        'rapport_updates_from_nodes_total',
        'counter',
        'Updates another node stored and announced over Redis, applied here.',
        metrics.updatesFromNodes,
      );
      series(
        'rapport_catch_ups_total',
        'counter',
        'Spaces read again from storage after announcements were missed.',
        metrics.catchUps,
      );
      lines.push('# HELP rapport_rejections_total Connections closed or requests refused, by reason.');
      lines.push('# TYPE rapport_rejections_total counter');
      for (const [reason, count] of rejections) lines.push(`rapport_rejections_total{reason="${reason}"} ${count}`);
      lines.push('# HELP rapport_storage_write_seconds Time to append a batch of updates to storage.');
      lines.push('# TYPE rapport_storage_write_seconds histogram');
      WRITE_BUCKETS.forEach((le, i) =>
        lines.push(`rapport_storage_write_seconds_bucket{le="${le}"} ${buckets[i] ?? 0}`),
      );
      lines.push(`rapport_storage_write_seconds_bucket{le="+Inf"} ${writeCount}`);
      lines.push(`rapport_storage_write_seconds_sum ${writeSum}`);
      lines.push(`rapport_storage_write_seconds_count ${writeCount}`);
      return `${lines.join('\n')}\n`;
    },
  };
  return metrics;
}
