// WebSocket close codes Concord uses. 4400-4499 mean "do not reconnect" to y-websocket's provider; 4500-4599 mean "try again".

export const CloseCode = {
  NORMAL: 1000,
  GOING_AWAY: 1001,
  PROTOCOL_ERROR: 1002,
  POLICY: 1008,
  TOO_LARGE: 1009,
  INTERNAL: 1011,
  TRY_AGAIN_LATER: 1013,
  TOO_MANY: 4429,
  MALFORMED: 4400,
  NOT_SIGNED_IN: 4401,
  FORBIDDEN: 4403,
  UNKNOWN_DOC: 4404,
  NOT_SAVED: 4503,
} as const;
