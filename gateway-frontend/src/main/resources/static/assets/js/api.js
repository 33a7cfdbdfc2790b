// Calls to the Benchpulse API through the gateway. Errors are RFC 9457 problems; their detail is what we show.
// The scripts read exactly the fields the runner's and the results service's OpenAPI documents name
// (docs/openapi/*.json; the browser tests fail on a read of any other field, see docs/dashboard.md).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/** The header that marks a request as the dashboard's, as the page names it. */
function clientHeader() {
  return document.querySelector('meta[name="benchpulse-client-header"]').content;
}

/** The CSRF token of the secured mode (absent in the open mode). */
export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: `${accept}, application/problem+json` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // The servers refuse a state-changing request that has neither a JSON body nor this header, so that a form on
    // another web site cannot trigger one (docs/security.md). The page names it (contracts' ApiHeaders.CLIENT).
    headers[clientHeader()] = 'dashboard';
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'The dashboard cannot reach the server. Check that Benchpulse is running.' });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = { detail: `The server answered ${response.status} ${response.statusText}` };
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}
