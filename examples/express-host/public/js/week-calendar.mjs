// The calendar card: one week as seven columns in the store's time zone, each post a button that
// opens its details. Status is shown by colour and by word, so it never depends on colour alone.
import { CHANNEL_NAMES, element, statusChip } from './elements.mjs';
import { addDays, dayLabel, localDateKey, timeLabel } from './store-time.mjs';

/**
 * Draws the week starting on `weekStart` (a Monday, `YYYY-MM-DD`) into `grid`.
 * `onOpen(post)` is called when a post is chosen.
 */
export function renderWeek(grid, { weekStart, posts, timeZone, onOpen }) {
  const today = localDateKey(Date.now(), timeZone);
  const byDay = new Map();
  for (const post of posts) {
    const key = localDateKey(post.scheduledAt ?? post.createdAt, timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), post]);
  }
  const days = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  grid.replaceChildren(
    ...days.map((day) => {
      const dayPosts = (byDay.get(day) ?? []).sort((a, b) =>
        (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''),
      );
      return element(
        'section',
        { class: `day${day === today ? ' today' : ''}`, 'aria-label': dayLabel(day) },
        element(
          'h3',
          { class: 'day-title' },
          dayLabel(day),
          day === today ? element('span', { class: 'today-mark' }, 'Today') : null,
        ),
        dayPosts.length === 0
          ? element('p', { class: 'empty' }, 'Nothing planned')
          : element(
              'ul',
              { class: 'day-posts' },
              dayPosts.map((post) => element('li', {}, postCard(post, timeZone, onOpen))),
            ),
      );
    }),
  );
}

/** The week's heading, e.g. "23 Nov – 29 Nov". */
export function weekTitle(weekStart) {
  return `${dayLabel(weekStart)} – ${dayLabel(addDays(weekStart, 6))}`;
}

function postCard(post, timeZone, onOpen) {
  const image = post.media.find((media) => media.kind === 'image');
  const time = post.scheduledAt ? timeLabel(post.scheduledAt, timeZone) : '—';
  return element(
    'button',
    {
      type: 'button',
      class: `post-card status-${post.status}`,
      'data-post-id': post.id,
      'aria-label': `${time} ${CHANNEL_NAMES[post.channel] ?? post.channel} post, ${post.status}: ${post.caption.slice(0, 80)}`,
      onclick: () => onOpen(post),
    },
    element(
      'span',
      { class: 'post-card-head' },
      element('span', { class: 'post-time' }, time),
      element(
        'span',
        { class: `channel channel-${post.channel}` },
        CHANNEL_NAMES[post.channel] ?? post.channel,
      ),
      statusChip(post.status),
    ),
    image ? element('img', { class: 'post-thumb', src: image.url, alt: '', loading: 'lazy' }) : null,
    element('span', { class: 'post-excerpt' }, post.caption),
  );
}
