// Installed by the browser tests before any script of a page runs: every JSON body the dashboard gets from /api/
// is handed to it behind a Proxy that notes each field path the dashboard reads ("items[].statistics.median"),
// kept in sessionStorage across page loads, so that the test can check each against the OpenAPI documents.
(() => {
  if (!/^https?:$/.test(window.location.protocol)) return; // about:blank between tests has no sessionStorage
  const KEY = 'benchpulse.apiReads';
  const load = () => JSON.parse(window.sessionStorage.getItem(KEY) || '[]');
  const seen = new Set(load().map((r) => `${r.call} ${r.path.join('.')}`));
  const note = (call, path) => {
    const id = `${call} ${path.join('.')}`;
    if (seen.has(id)) return;
    seen.add(id);
    window.sessionStorage.setItem(KEY, JSON.stringify([...load(), { call, path }]));
  };
  // Reads that are no field of the data: a promise resolution looks for `then`, JSON.stringify for `toJSON`, and
  // String() and friends for Object.prototype's methods.
  const ignored = (target, key) => key === 'then' || key === 'toJSON'
    || (!Object.prototype.hasOwnProperty.call(target, key) && key in Object.prototype);
  const wrap = (value, call, path) => {
    if (value === null || typeof value !== 'object') return value;
    return new Proxy(value, {
      get(target, key, receiver) {
        const found = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol' || ignored(target, key)) return found;
        if (Array.isArray(target) && !/^\d+$/.test(key)) return found;
        const at = [...path, Array.isArray(target) ? '[]' : key];
        note(call, at);
        return wrap(found, call, at);
      },
    });
  };
  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(typeof input === 'string' ? input : input.url, window.location.href);
    if (!url.pathname.startsWith('/api/') || !response.ok) return response;
    const call = `${(init?.method || 'GET').toUpperCase()} ${url.pathname}`;
    const json = response.json.bind(response);
    response.json = async () => wrap(await json(), call, []);
    return response;
  };
})();
