// The Connections card: each connected account with its health, and a Connect button per platform.
import { element } from './elements.mjs';

const HEALTH_LABELS = { healthy: 'Healthy', attention: 'Needs attention', broken: 'Reconnect needed' };

/**
 * Draws the connections into `list` and the connect buttons into `actions`.
 * `handlers`: `{ connect(platform), check(connection), disconnect(connection) }`.
 */
export function renderConnections(list, actions, connections, platforms, handlers) {
  list.replaceChildren(
    ...(connections.length === 0
      ? [element('li', { class: 'empty' }, 'No account connected yet. Connect one to start planning.')]
      : connections.map((connection) => connectionItem(connection, platforms, handlers))),
  );
  actions.replaceChildren(
    ...platforms.map((platform) => {
      const already = connections.some((connection) => connection.platform === platform.id);
      return element(
        'button',
        {
          type: 'button',
          class: already ? 'secondary' : 'primary',
          onclick: () => handlers.connect(platform.id),
        },
        already ? `Connect another ${platform.displayName} account` : `Connect ${platform.displayName}`,
      );
    }),
  );
}

function connectionItem(connection, platforms, handlers) {
  const platformName = platforms.find((platform) => platform.id === connection.platform)?.displayName;
  const accounts = connection.accounts.map((account) => account.name).join(', ') || 'no account found';
  const details = [
    `Status: ${connection.status}`,
    connection.expiresAt ? `token valid until ${new Date(connection.expiresAt).toLocaleString()}` : null,
    connection.missingScopes.length > 0
      ? `missing permissions: ${connection.missingScopes.join(', ')}`
      : null,
  ].filter(Boolean);
  return element(
    'li',
    { class: 'connection', 'data-connection-id': connection.id },
    element(
      'div',
      { class: 'connection-main' },
      element('span', { class: `platform-mark platform-${connection.platform}`, 'aria-hidden': 'true' }),
      element(
        'div',
        {},
        element('strong', {}, accounts),
        element('div', { class: 'muted' }, `${platformName ?? connection.platform} · ${details.join(' · ')}`),
        connection.lastError
          ? element(
              'div',
              { class: 'error-text' },
              `Last error (${connection.lastError.code}): ${connection.lastError.message}`,
            )
          : null,
      ),
      element('span', { class: `chip health-${connection.health}` }, HEALTH_LABELS[connection.health]),
    ),
    element(
      'div',
      { class: 'connection-actions' },
      element(
        'button',
        { type: 'button', class: 'link', onclick: () => handlers.check(connection) },
        'Check now',
      ),
      element(
        'button',
        { type: 'button', class: 'link danger', onclick: () => handlers.disconnect(connection) },
        'Disconnect',
      ),
    ),
  );
}
