// Entry of the export worker thread: TypeScript is loaded the same way `npm start` loads the server.
import { register } from 'tsx/esm/api';

register();
await import('./render-in-worker.ts');
