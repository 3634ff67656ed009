// The typed HTTP client: every call the meeting room makes to the server, with errors as plain sentences.

import type { PlanSummary, PlanView } from '../../shared/protocol/api';
import { ERRORS, isErrorCode, type ErrorCode } from '../../shared/protocol/errors';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
  });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const code = isErrorCode(error?.code) ? error.code : 'INTERNAL';
    throw new ApiError(code, ERRORS[code].message, response.status);
  }
  return body as T;
}

export const api = {
  plan: (iepId: string) => request<PlanView>(`/api/ieps/${encodeURIComponent(iepId)}`),
  plans: () => request<PlanSummary[]>('/api/ieps'),
};
