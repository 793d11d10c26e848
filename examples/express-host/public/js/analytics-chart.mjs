// The analytics card: headline numbers and an inline SVG bar chart of impressions per published
// post, with the same numbers as a table for screen readers and for copying.
import { element, svgElement } from './elements.mjs';
import { timeLabel } from './store-time.mjs';

const WIDTH = 960;
const HEIGHT = 240;
const PADDING = { top: 20, right: 12, bottom: 44, left: 48 };

/** Draws `analytics` (the API's `GET /api/analytics` answer) into `container`. */
export function renderAnalytics(container, analytics, timeZone) {
  const { overview } = analytics;
  const number = new Intl.NumberFormat('en-GB');
  const tiles = [
    ['Posts', number.format(overview.posts)],
    ['Impressions', overview.impressions === undefined ? '—' : number.format(overview.impressions)],
    ['Engagement', number.format(overview.engagement)],
    [
      'Engagement rate',
      overview.engagementRate === undefined ? '—' : `${(overview.engagementRate * 100).toFixed(1)} %`,
    ],
    ['Followers', overview.followers === undefined ? '—' : number.format(overview.followers)],
  ];
  const posts = [...analytics.posts].reverse().slice(-10); // Oldest first, at most ten bars.
  container.replaceChildren(
    element(
      'dl',
      { class: 'tiles' },
      tiles.map(([label, value]) =>
        element('div', { class: 'tile' }, element('dt', {}, label), element('dd', {}, value)),
      ),
    ),
    posts.length === 0
      ? element(
          'p',
          { class: 'empty' },
          'No published post in this period yet. Publish one, then refresh the metrics.',
        )
      : element(
          'figure',
          { class: 'chart' },
          barChart(posts, timeZone),
          element('figcaption', {}, 'Impressions per published post (engagement above each bar)'),
          dataTable(posts, timeZone),
        ),
  );
}

function barChart(posts, timeZone) {
  const values = posts.map((post) => post.metrics?.impressions ?? 0);
  // Four gridline steps of a round size (1, 2 or 5 × 10ⁿ), so the axis reads 0, 10, 20, 30, 40.
  const step = niceCeiling(Math.max(1, ...values) / 4);
  const max = step * 4;
  const plotWidth = WIDTH - PADDING.left - PADDING.right;
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom;
  const slot = plotWidth / posts.length;
  const barWidth = Math.min(48, slot * 0.6);
  const y = (value) => PADDING.top + plotHeight - (value / max) * plotHeight;
  const grid = [0, 1, 2, 3, 4].map((index) => {
    const value = step * index;
    return [
      svgElement('line', {
        x1: PADDING.left,
        x2: WIDTH - PADDING.right,
        y1: y(value),
        y2: y(value),
        class: 'grid',
      }),
      svgElement(
        'text',
        { x: PADDING.left - 6, y: y(value) + 4, class: 'axis', 'text-anchor': 'end' },
        String(value),
      ),
    ];
  });
  const bars = posts.map((post, index) => {
    const value = values[index];
    const x = PADDING.left + slot * index + (slot - barWidth) / 2;
    const label = post.publishedAt ? timeLabel(post.publishedAt, timeZone) : '';
    return svgElement(
      'g',
      {},
      svgElement('title', {}, `${post.excerpt} — ${value} impressions, ${post.engagement} engagements`),
      svgElement('rect', { x, y: y(value), width: barWidth, height: y(0) - y(value), rx: 3, class: 'bar' }),
      svgElement(
        'text',
        { x: x + barWidth / 2, y: y(value) - 6, class: 'value', 'text-anchor': 'middle' },
        String(post.engagement),
      ),
      svgElement(
        'text',
        { x: x + barWidth / 2, y: HEIGHT - PADDING.bottom + 16, class: 'axis', 'text-anchor': 'middle' },
        label,
      ),
    );
  });
  return svgElement(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: 'img',
      'aria-label': 'Bar chart of impressions per published post',
    },
    ...grid.flat(),
    ...bars,
  );
}

function dataTable(posts, timeZone) {
  return element(
    'details',
    {},
    element('summary', {}, 'Show the numbers as a table'),
    element(
      'table',
      {},
      element(
        'thead',
        {},
        element(
          'tr',
          {},
          ['Published', 'Post', 'Impressions', 'Engagement'].map((title) =>
            element('th', { scope: 'col' }, title),
          ),
        ),
      ),
      element(
        'tbody',
        {},
        posts.map((post) =>
          element(
            'tr',
            {},
            element('td', {}, post.publishedAt ? timeLabel(post.publishedAt, timeZone) : '—'),
            element(
              'td',
              {},
              post.url
                ? element('a', { href: post.url, target: '_blank', rel: 'noopener' }, post.excerpt)
                : post.excerpt,
            ),
            element('td', {}, String(post.metrics?.impressions ?? 0)),
            element('td', {}, String(post.engagement)),
          ),
        ),
      ),
    ),
  );
}

/** The smallest whole 1, 2 or 5 × 10ⁿ at or above `value`. */
function niceCeiling(value) {
  const power = 10 ** Math.max(0, Math.floor(Math.log10(value)));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power;
}
