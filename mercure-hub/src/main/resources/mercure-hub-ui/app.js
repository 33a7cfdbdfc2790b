// The hub's page: shows whether the hub is up, subscribes to topics with EventSource and lists the updates as they
// arrive, and publishes test updates. Plain ES module, no build step.

const hubUrl = new URL('/.well-known/mercure', window.location.origin);
let source = null;

const $ = (id) => document.getElementById(id);

async function checkHealth() {
  const status = $('status');
  try {
    const response = await fetch('/actuator/health');
    const body = await response.json();
    status.textContent = body.status === 'UP' ? 'up' : body.status;
    status.className = body.status === 'UP' ? 'up' : 'down';
  } catch (error) {
    status.textContent = 'unreachable';
    status.className = 'down';
  }
}

function lines(text) {
  return text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
}

function showUpdate(event) {
  const item = document.createElement('li');
  item.className = 'update';
  const type = event.type === 'message' ? '' : ` event=${event.type}`;
  item.textContent = `id=${event.lastEventId}${type}\n${event.data}`;
  $('updates').prepend(item);
}

function subscribe(form) {
  unsubscribe();
  const url = new URL(hubUrl);
  lines(form.topics.value).forEach((topic) => url.searchParams.append('topic', topic));
  if (form.jwt.value.trim()) url.searchParams.set('authorization', form.jwt.value.trim());
  if (form.lastEventID.value.trim()) url.searchParams.set('lastEventID', form.lastEventID.value.trim());
  source = new EventSource(url, { withCredentials: true });
  source.onopen = () => { $('connection').textContent = 'connected'; };
  source.onerror = () => { $('connection').textContent = 'reconnecting…'; };
  source.onmessage = showUpdate;
  // Updates with a type are not "message" events: listen to the type the publisher form names.
  const type = document.forms.publish.type.value.trim();
  if (type) source.addEventListener(type, showUpdate);
  $('unsubscribe-button').disabled = false;
}

function unsubscribe() {
  if (source) source.close();
  source = null;
  $('connection').textContent = 'not connected';
  $('unsubscribe-button').disabled = true;
}

async function publish(form) {
  const body = new URLSearchParams();
  lines(form.topic.value).forEach((topic) => body.append('topic', topic));
  body.set('data', form.data.value);
  if (form.id.value.trim()) body.set('id', form.id.value.trim());
  if (form.type.value.trim()) body.set('type', form.type.value.trim());
  if (form.private.checked) body.set('private', 'on');
  const response = await fetch(hubUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${form.jwt.value.trim()}` },
    body,
  });
  const text = await response.text();
  $('publish-result').textContent = response.ok ? `published: ${text}` : `refused (${response.status}): ${text}`;
}

$('hub-url').textContent = hubUrl.href;
$('subscribe').addEventListener('submit', (event) => { event.preventDefault(); subscribe(event.target); });
$('unsubscribe-button').addEventListener('click', unsubscribe);
$('publish').addEventListener('submit', (event) => { event.preventDefault(); publish(event.target); });
checkHealth();
setInterval(checkHealth, 10000);
