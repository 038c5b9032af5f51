// The one way the console talks to Latchkey: the public /v1 API with the member's session
// cookie; unsafe methods carry the session's CSRF token. A 401 anywhere means the session is
// over (expired, revoked or signed out elsewhere): the console goes back to the sign-in page.

let csrfToken = null;
let whenSignedOut = () => {};

export function useSession(session) {
  csrfToken = session ? session.csrf_token : null;
}

export function onSignedOut(handler) {
  whenSignedOut = handler;
}

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `The server answered ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { message: text.slice(0, 200) };
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !(method === 'POST' && path === '/v1/sessions')) {
      error.sessionEnded = true;
      whenSignedOut('expired');
    }
    throw error;
  }
  return data;
}

export const get = path => call('GET', path);
export const post = (path, body = {}) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = path => call('DELETE', path);

/** The first page (100 items) of a list; the console's lists are small. */
export async function list(path) {
  const page = await get(path + (path.includes('?') ? '&' : '?') + 'limit=100');
  return page.data;
}

export const enc = encodeURIComponent;
