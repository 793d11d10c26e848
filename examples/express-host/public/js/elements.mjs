// Builds DOM nodes from data. Text always goes in as text nodes, never as HTML, so captions and
// names written by a model or a platform cannot inject markup into the page.

/**
 * `element('button', { class: 'primary', onclick: fn }, 'Approve')`. Attributes starting with `on`
 * become listeners; `false`, `null` and `undefined` attributes are left out.
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** An SVG element with attributes (SVG needs its own namespace). */
export function svgElement(tag, attributes = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/** A status chip: the colour comes from the class, and the word is always there too. */
export function statusChip(status) {
  return element('span', { class: `chip status-${status}` }, STATUS_LABELS[status] ?? status);
}

/** Words for post statuses, as the dashboard shows them. */
export const STATUS_LABELS = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Display names of channels. */
export const CHANNEL_NAMES = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  pinterest: 'Pinterest',
};
