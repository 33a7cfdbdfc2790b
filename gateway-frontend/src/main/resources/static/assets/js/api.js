// Calls to the Benchpulse API through the gateway. Errors are RFC 9457 problems; their detail is what we show.

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

/** The CSRF token of the secured mode (absent in the open mode). */
export function csrfToken() {
  return cookie('XSRF-TOKEN');
}

export async function api(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Accept: `${accept}, application/problem+json` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // The servers refuse a state-changing request that has neither a JSON body nor this header, so that a form on
    // another web site cannot trigger one (docs/security.md).
    headers['X-Benchpulse-Client'] = 'dashboard';
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

/** A list from a paged or plain list response. */
export function items(json) {
  if (Array.isArray(json)) return json;
  if (!json) return [];
  return json.runs || json.content || json.items || json.data || json.points || json.samples || [];
}

/** The runtime id of a run, whatever the shape of its runtime field. */
export function runtimeId(runtime) {
  return typeof runtime === 'object' && runtime !== null ? runtime.id : runtime;
}

/** The benchmark slug of a run, whatever the shape of its benchmark field. */
export function benchmarkSlug(benchmark) {
  return typeof benchmark === 'object' && benchmark !== null ? benchmark.slug : benchmark;
}
