import { apiPrefix } from '../../shared/hub-protocol.js';

/** True for `/api` and anything below it, query string or not. */
export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === apiPrefix || path.startsWith(`${apiPrefix}/`);
}
