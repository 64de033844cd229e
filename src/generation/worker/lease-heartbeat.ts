export interface Heartbeat {
  stop(): void;
}

/**
 * Renews the leases of the items a worker is working on every `everyMs` (a third of the lease),
 * so a slow call is never taken over by another worker. A failed renewal is logged; the next
 * beat tries again.
 */
export function startLeaseHeartbeat(opts: { everyMs: number; renew: () => Promise<unknown>; log: (msg: string, err?: unknown) => void }): Heartbeat {
  let beating = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    opts
      .renew()
      .catch((err) => opts.log('lease renewal failed', err))
      .finally(() => {
        beating = false;
      });
  }, opts.everyMs);
  return { stop: () => clearInterval(timer) };
}
