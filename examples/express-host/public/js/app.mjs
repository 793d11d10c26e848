// The dashboard: signs in, then keeps four cards in step with the API — connections, planning,
// the week calendar with post details, and analytics. No framework: a few modules and the DOM.
import { renderAnalytics } from './analytics-chart.mjs';
import { api } from './api.mjs';
import { renderConnections } from './connections-panel.mjs';
import { postDialog } from './post-dialog.mjs';
import { localDateKey, mondayOf } from './store-time.mjs';
import { renderWeek, weekTitle } from './week-calendar.mjs';

const byId = (id) => document.getElementById(id);
const state = { session: undefined, weekStart: undefined, weekPosts: [] };

const dialog = postDialog(byId('post-dialog'), {
  approve: async (post) => {
    await api('POST', '/api/posts/approve', { postIds: [post.id] });
    return afterChange(post.id, 'Post approved and scheduled.');
  },
  publish: async (post) => {
    const result = await api('POST', `/api/posts/${post.id}/publish?wait=20`);
    if (result.status === 'published') {
      await api('POST', '/api/analytics/sync').catch(() => undefined);
      await loadAnalytics();
    }
    return afterChange(
      post.id,
      result.status === 'published' ? 'Post published.' : `Post is ${result.status}.`,
    );
  },
  cancel: async (post) => {
    await api('POST', `/api/posts/${post.id}/cancel`);
    return afterChange(post.id, 'Post cancelled.');
  },
});

async function afterChange(postId, message) {
  announce(message);
  await loadWeek();
  return api('GET', `/api/posts/${postId}`);
}

/** Tells sighted and screen-reader users alike what just happened. */
function announce(text, kind = 'info') {
  const region = byId('status');
  region.className = `status ${kind}`;
  region.textContent = text;
}

async function start() {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  if (key) {
    // Take the key out of the address bar and history before anything else.
    history.replaceState(null, '', location.pathname + location.search);
    await signIn(key).catch((error) => announce(error.message, 'error'));
  }
  try {
    state.session = await api('GET', '/api/session');
  } catch {
    showSignIn();
    return;
  }
  showDashboard();
}

async function signIn(apiKey) {
  await api('POST', '/api/session', { apiKey });
}

function showSignIn() {
  byId('signin').hidden = false;
  byId('dashboard').hidden = true;
  byId('whoami').hidden = true;
  byId('signin-key').focus();
}

async function showDashboard() {
  const { session } = state;
  byId('signin').hidden = true;
  byId('dashboard').hidden = false;
  byId('whoami').hidden = false;
  byId('store-name').textContent = session.storeName;
  byId('mode-badge').textContent = session.mode === 'sandbox' ? 'Sandbox' : 'Live';
  byId('mode-badge').className = `badge mode-${session.mode}`;
  byId('mode-badge').hidden = false;
  byId('time-zone').textContent = session.timeZone;
  const params = new URLSearchParams(location.search);
  if (params.has('connected')) announce(`Connected ${params.get('connected')}.`);
  if (params.has('connect_error'))
    announce(`Connecting failed (${params.get('connect_error')}). Try again.`, 'error');
  if (params.size > 0) history.replaceState(null, '', location.pathname);
  state.weekStart = mondayOf(localDateKey(Date.now(), session.timeZone));
  await Promise.all([loadConnections(), loadWeek(), loadAnalytics()]);
}

async function loadConnections() {
  const { items } = await api('GET', '/api/connections');
  renderConnections(byId('connection-list'), byId('connect-actions'), items, state.session.platforms, {
    connect: async (platform) => {
      const { url } = await api('POST', `/api/connections/${platform}/start`);
      location.assign(url); // The platform's consent page; it sends the browser back to our callback.
    },
    check: async (connection) => {
      const result = await api('POST', `/api/connections/${connection.id}/check`);
      announce(
        result.problem ? `Check failed: ${result.problem.detail}` : 'The connection works.',
        result.problem ? 'error' : 'info',
      );
      await loadConnections();
    },
    disconnect: async (connection) => {
      if (!confirm('Disconnect this account? Scheduled posts on it will fail until you connect again.'))
        return;
      await api('DELETE', `/api/connections/${connection.id}`);
      announce('Disconnected.');
      await loadConnections();
    },
  });
}

async function loadWeek() {
  const { weekStart } = state;
  // Fetch a day either side: the store's days do not start at midnight UTC.
  const from = new Date(Date.parse(`${weekStart}T00:00:00Z`) - 86_400_000).toISOString();
  const to = new Date(Date.parse(`${weekStart}T00:00:00Z`) + 8 * 86_400_000).toISOString();
  const { items } = await api(
    'GET',
    `/api/posts?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&limit=500`,
  );
  state.weekPosts = items;
  byId('week-title').textContent = weekTitle(weekStart);
  renderWeek(byId('week-grid'), {
    weekStart,
    posts: items,
    timeZone: state.session.timeZone,
    onOpen: async (post) => dialog.open(await api('GET', `/api/posts/${post.id}`), state.session.timeZone),
  });
  byId('approve-week').disabled = !items.some((post) => post.status === 'draft');
}

async function loadAnalytics() {
  const analytics = await api('GET', '/api/analytics?days=30');
  renderAnalytics(byId('analytics'), analytics, state.session.timeZone);
}

function moveWeek(days) {
  const date = new Date(`${state.weekStart}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  state.weekStart = date.toISOString().slice(0, 10);
  loadWeek().catch((error) => announce(error.message, 'error'));
}

byId('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await signIn(byId('signin-key').value.trim());
    byId('signin-key').value = '';
    await start();
  } catch (error) {
    announce(error.status === 401 ? 'That key is not valid for any store.' : error.message, 'error');
  }
});

byId('sign-out').addEventListener('click', async () => {
  await api('DELETE', '/api/session');
  showSignIn();
});

byId('plan-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = event.submitter ?? byId('plan-submit');
  button.disabled = true;
  announce('Planning… writing captions and picking the best times.');
  try {
    const plan = await api('POST', '/api/calendars', {
      days: Number(byId('plan-days').value),
      postsPerDay: Number(byId('plan-per-day').value),
    });
    const first = plan.posts[0]?.scheduledAt;
    if (first) state.weekStart = mondayOf(localDateKey(first, state.session.timeZone));
    announce(
      `Planned ${plan.posts.length} posts in ${plan.llmCalls} model calls. Review and approve them below.`,
    );
    await loadWeek();
  } catch (error) {
    announce(error.message, 'error');
  } finally {
    button.disabled = false;
  }
});

byId('approve-week').addEventListener('click', async () => {
  const drafts = state.weekPosts.filter((post) => post.status === 'draft').map((post) => post.id);
  try {
    const { items } = await api('POST', '/api/posts/approve', { postIds: drafts });
    announce(`Approved ${items.length} posts.`);
    await loadWeek();
  } catch (error) {
    announce(error.message, 'error');
  }
});

byId('week-prev').addEventListener('click', () => moveWeek(-7));
byId('week-next').addEventListener('click', () => moveWeek(7));
byId('week-today').addEventListener('click', () => {
  state.weekStart = mondayOf(localDateKey(Date.now(), state.session.timeZone));
  loadWeek().catch((error) => announce(error.message, 'error'));
});
byId('sync-metrics').addEventListener('click', async () => {
  try {
    await api('POST', '/api/analytics/sync');
    await loadAnalytics();
    announce('Metrics refreshed.');
  } catch (error) {
    announce(error.message, 'error');
  }
});

// Posts go out at their slots while the page is open: keep the calendar current.
setInterval(() => {
  if (state.session && !document.hidden && !dialog.post) loadWeek().catch(() => undefined);
}, 30_000);

// A sign-in link opened in a tab that already shows the dashboard only changes the fragment.
window.addEventListener('hashchange', () => {
  if (location.hash.includes('key=')) start().catch((error) => announce(error.message, 'error'));
});

start().catch((error) => announce(error.message, 'error'));
