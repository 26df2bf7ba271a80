/**
 * A benchmark child process stops when its parent closes its stdin or signals it, so no simulator, subgraph or
 * gateway outlives a run (or a crashed benchmark).
 */
export function stopWithParent(stop: () => Promise<void>): void {
  let stopping = false;
  const once = (): void => {
    if (stopping) return;
    stopping = true;
    void stop().finally(() => process.exit(0));
  };
  process.stdin.on('end', once);
  process.stdin.on('close', once);
  process.stdin.resume();
  process.once('SIGTERM', once);
  process.once('SIGINT', once);
}
