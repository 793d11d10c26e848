// The post details dialog: the post as it will go out, its schedule, the actions its status allows,
// and its publish attempt history. A native <dialog>, so focus and Escape behave as users expect.
import { CHANNEL_NAMES, element, statusChip } from './elements.mjs';
import { dateTimeLabel } from './store-time.mjs';

/**
 * Binds the dialog. `actions`: `{ approve(post), publish(post), cancel(post) }`, each resolving to the
 * updated post (or throwing an ApiError, shown inside the dialog).
 */
export function postDialog(dialog, actions) {
  let current;
  let timeZone = 'UTC';

  const render = (post, message) => {
    current = post;
    const channel = CHANNEL_NAMES[post.channel] ?? post.channel;
    const image = post.media.find((media) => media.kind === 'image');
    const body = element(
      'div',
      { class: 'dialog-body' },
      element(
        'header',
        { class: 'dialog-head' },
        element('h2', { id: 'post-dialog-title' }, `${channel} post `, statusChip(post.status)),
        element(
          'button',
          { type: 'button', class: 'icon', 'aria-label': 'Close', onclick: () => dialog.close() },
          '×',
        ),
      ),
      image ? element('img', { class: 'post-image', src: image.url, alt: image.altText ?? '' }) : null,
      element('p', { class: 'caption' }, post.caption),
      post.hashtags.length > 0
        ? element('p', { class: 'hashtags' }, post.hashtags.map((tag) => `#${tag}`).join(' '))
        : null,
      element('dl', { class: 'facts' }, facts(post, timeZone)),
      element('div', { class: 'dialog-actions' }, buttons(post)),
      message ? element('p', { class: `notice ${message.kind}`, role: 'alert' }, message.text) : null,
      element('h3', {}, 'Publish attempts'),
      attemptTable(post, timeZone),
    );
    dialog.replaceChildren(body);
  };

  const run = async (action, busyText) => {
    const post = current;
    const buttonsNow = dialog.querySelectorAll('.dialog-actions button');
    for (const button of buttonsNow) button.disabled = true;
    dialog
      .querySelector('.dialog-actions')
      ?.append(element('span', { class: 'busy', role: 'status' }, busyText));
    try {
      render(await action(post));
    } catch (error) {
      render(post, { kind: 'error', text: error.fix ? `${error.message} ${error.fix}` : error.message });
    }
  };

  const buttons = (post) => [
    post.status === 'draft'
      ? element(
          'button',
          { type: 'button', class: 'primary', onclick: () => run(actions.approve, 'Approving…') },
          'Approve',
        )
      : null,
    post.status === 'scheduled' || post.status === 'failed'
      ? element(
          'button',
          { type: 'button', class: 'primary', onclick: () => run(actions.publish, 'Publishing…') },
          'Publish now',
        )
      : null,
    ['draft', 'scheduled', 'failed'].includes(post.status)
      ? element(
          'button',
          { type: 'button', class: 'secondary', onclick: () => run(actions.cancel, 'Cancelling…') },
          'Cancel post',
        )
      : null,
    post.url
      ? element(
          'a',
          { class: 'button secondary', href: post.url, target: '_blank', rel: 'noopener' },
          `View on ${CHANNEL_NAMES[post.channel] ?? post.channel}`,
        )
      : null,
  ];

  return {
    /** Shows a post; `zone` is the store's time zone. */
    open(post, zone) {
      timeZone = zone;
      render(post);
      if (!dialog.open) dialog.showModal();
    },
    /** The post on show, if the dialog is open. */
    get post() {
      return dialog.open ? current : undefined;
    },
  };
}

function facts(post, timeZone) {
  const rows = [
    ['Scheduled for', post.scheduledAt ? dateTimeLabel(post.scheduledAt, timeZone) : 'not scheduled'],
    post.approvedAt
      ? ['Approved', `${dateTimeLabel(post.approvedAt, timeZone)} by ${post.approvedBy ?? 'someone'}`]
      : null,
    post.publishedAt ? ['Published', dateTimeLabel(post.publishedAt, timeZone)] : null,
    ['Format', post.kind],
  ].filter(Boolean);
  return rows.flatMap(([term, value]) => [element('dt', {}, term), element('dd', {}, value)]);
}

function attemptTable(post, timeZone) {
  if (post.attempts.length === 0) return element('p', { class: 'muted' }, 'No attempt yet.');
  return element(
    'table',
    { class: 'attempts' },
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        ['#', 'Started', 'Outcome', 'Details'].map((title) => element('th', { scope: 'col' }, title)),
      ),
    ),
    element(
      'tbody',
      {},
      post.attempts.map((attempt) =>
        element(
          'tr',
          {},
          element('td', {}, String(attempt.attempt)),
          element('td', {}, dateTimeLabel(attempt.startedAt, timeZone)),
          element('td', {}, element('span', { class: `chip outcome-${attempt.outcome}` }, attempt.outcome)),
          element(
            'td',
            {},
            attempt.errorCode
              ? `${attempt.errorCode}: ${attempt.errorMessage ?? ''}${attempt.retryable ? ' (will retry)' : ''}`
              : (attempt.platformPostId ?? ''),
          ),
        ),
      ),
    ),
  );
}
