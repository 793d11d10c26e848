import type { EmulatedUser } from './emulator-state';
import type { PendingAuthorization } from './oauth-grants';

/** What each OAuth scope lets the app do, as X's consent screen words it. */
const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'tweet.read': 'Read Posts you can see, including those from protected accounts.',
  'tweet.write': 'Post and repost for you.',
  'users.read': 'Read any account you can see.',
  'offline.access': 'Stay connected to your account until you revoke access.',
  'media.write': 'Upload media, such as photos and videos, for you.',
  'like.read': 'See Posts you liked.',
  'like.write': 'Like and un-like Posts for you.',
  'follows.read': 'See who you follow and who follows you.',
};

/**
 * The consent page a person sees at `/i/oauth2/authorize`: the app, the scopes, the account to
 * authorise as, and Authorize / Cancel buttons posting to the decision endpoint.
 */
export function renderAuthorizePage(
  pending: PendingAuthorization,
  users: readonly EmulatedUser[],
  decisionPath: string,
): string {
  const scopes = pending.scopes
    .map(
      (scope) => `<li><code>${escapeHtml(scope)}</code> ${escapeHtml(SCOPE_DESCRIPTIONS[scope] ?? '')}</li>`,
    )
    .join('\n');
  const accounts = users
    .map(
      (user, index) =>
        `<label><input type="radio" name="user_id" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ` +
        `${escapeHtml(user.name)} <span class="handle">@${escapeHtml(user.username)}</span></label>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Authorize app - X (emulator)</title>
<style>
body { font-family: system-ui, sans-serif; background: #f7f9f9; margin: 0; }
main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 1rem; padding: 2rem; box-shadow: 0 1px 4px #0002; }
h1 { font-size: 1.4rem; }
ul { padding-left: 1.2rem; } li { margin: .4rem 0; }
label { display: block; margin: .3rem 0; } .handle { color: #536471; }
.actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
button { flex: 1; padding: .75rem; border-radius: 999px; font-weight: 700; font-size: 1rem; cursor: pointer; }
button[value=approve] { background: #0f1419; color: #fff; border: 0; }
button[value=deny] { background: #fff; color: #0f1419; border: 1px solid #cfd9de; }
.note { color: #536471; font-size: .85rem; }
</style>
</head>
<body>
<main>
<h1><strong>${escapeHtml(pending.clientId)}</strong> wants to access your X account</h1>
<p>It will be able to:</p>
<ul>
${scopes}
</ul>
<form method="post" action="${escapeHtml(decisionPath)}">
<input type="hidden" name="request_id" value="${escapeHtml(pending.id)}">
<fieldset><legend>Authorize as</legend>
${accounts}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="deny">Cancel</button>
<button type="submit" name="decision" value="approve">Authorize app</button>
</div>
</form>
<p class="note">You will be sent back to ${escapeHtml(new URL(pending.redirectUri).origin)}. This is a local X emulator.</p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
