/** What the emulator's consent page redirected to. */
export interface ConsentRedirect {
  /** The full callback URL (the host's `redirect_uri` with `code`/`error` and `state`). */
  readonly location: string;
  readonly code?: string;
  readonly state?: string;
  /** `access_denied` when the person clicked Cancel. */
  readonly error?: string;
}

/** Options for {@link clickConsent}. */
export interface ClickConsentOptions {
  /** Which button: `approve` (default) or `deny`. */
  readonly decision?: 'approve' | 'deny';
  /** The account to authorise as; default the page's pre-selected one. */
  readonly userId?: string;
}

/**
 * Does what a person does on the emulator's consent page, over real HTTP: loads the authorize URL,
 * reads the HTML form, and submits it with the chosen button. Returns where X would redirect the
 * browser, without following it. Host apps use it in their own tests of the connect flow.
 *
 * @example
 * ```ts
 * const { url } = await engine.connections.begin({ platform: 'x', storeId, userId, redirectUri });
 * const { code, state } = await clickConsent(url);
 * await engine.connections.complete({ platform: 'x', code, state });
 * ```
 */
export async function clickConsent(
  authorizeUrl: string,
  options: ClickConsentOptions = {},
): Promise<ConsentRedirect> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  const html = await page.text();
  if (!page.ok || !(page.headers.get('content-type') ?? '').startsWith('text/html')) {
    throw new Error(`The consent page answered HTTP ${page.status}: ${html.slice(0, 300)}`);
  }
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  const checkedUser = /name="user_id" value="([^"]+)" checked/.exec(html)?.[1];
  if (action === undefined || requestId === undefined)
    throw new Error('The consent page has no consent form.');
  const form = new URLSearchParams({
    request_id: unescapeHtml(requestId),
    decision: options.decision ?? 'approve',
  });
  const userId = options.userId ?? (checkedUser === undefined ? undefined : unescapeHtml(checkedUser));
  if (userId !== undefined) form.set('user_id', userId);
  const answer = await fetch(new URL(unescapeHtml(action), authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || location === null) {
    throw new Error(
      `The consent form answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 300)}`,
    );
  }
  const params = new URL(location).searchParams;
  return {
    location,
    ...optional('code', params.get('code')),
    ...optional('state', params.get('state')),
    ...optional('error', params.get('error')),
  };
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value === null ? {} : ({ [key]: value } as Record<K, string>);
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}
