// Which page origins may call the API and open sockets: the serving origin, plus CONCORD_ORIGINS.

export class OriginPolicy {
  private readonly extra: ReadonlySet<string>;

  constructor(extraOrigins: readonly string[]) {
    this.extra = new Set(extraOrigins.map((origin) => origin.replace(/\/$/, '')));
  }

  /**
   * Browsers always send Origin on WebSocket upgrades and cross-site requests, so a missing Origin is a
   * non-browser client (a script with its own cookie), which cross-site attacks cannot produce.
   */
  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.extra.has(origin)) return true;
    if (!host) return false;
    return origin === `http://${host}` || origin === `https://${host}`;
  }
}
