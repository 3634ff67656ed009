// HTTP while storage fails: requests that change something get 503 NOT_SAVED at once, and a storage error in any route gets the same answer.

import type { NextFunction, Request, Response } from 'express';
import { isStorageFailure, type StorageHealth } from '../store/storage-health';
import { sendError } from './context';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads go on (the meeting keeps going); a change is refused before any of it is attempted. */
export function refuseChangesWhileStorageFails(storage: StorageHealth) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (READS.has(request.method) || storage.writable) return next();
    sendError(response, 'NOT_SAVED');
  };
}

/** A route that hit the failing disk answers NOT_SAVED (never a 500), and storage switches to refusing and probing. */
export function answerStorageFailure(storage: StorageHealth) {
  return (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    if (!isStorageFailure(error)) return next(error);
    storage.noteFailure(error);
    sendError(response, 'NOT_SAVED');
  };
}
