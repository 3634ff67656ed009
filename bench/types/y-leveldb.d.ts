// y-leveldb ships typings its package.json "exports" hides from bundler resolution; the part the benchmark uses.

declare module 'y-leveldb' {
  export class LeveldbPersistence {
    constructor(location: string);
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    destroy(): Promise<void>;
  }
}
