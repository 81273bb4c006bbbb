/** Where sign-in goes when `next` is absent or not a path of this app. */
export const DEFAULT_SCREEN = '/settings/iam/api-access';

const BASE = 'http://console.invalid';
// C0 controls, DEL and C1 controls: browsers drop tabs and newlines from URLs, so "/\t/evil" becomes "//evil".
const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
};
const ENCODED_ASCII = /%([0-7][0-9a-f])/gi;

function sameAppPath(path: string): boolean {
  return (
    path.startsWith('/') &&
    !path.startsWith('//') &&
    // Browsers read "\" as "/" in http URLs: "/\evil.example" names another host.
    !path.includes('\\') &&
    ![...path].some(isControl)
  );
}

/**
 * `value` and what percent-decoding makes of it, round after round ("%255C" → "%5C" → "\"). Only
 * ASCII escapes are decoded, leniently (a stray "%" stays), since only ASCII can turn a path into a host.
 */
function decodings(value: string): string[] {
  const forms = [value];
  for (;;) {
    const last = forms[forms.length - 1]!;
    const decoded = last.replace(ENCODED_ASCII, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    // Each round that changes anything makes the string shorter, so this ends.
    if (decoded === last) return forms;
    forms.push(decoded);
  }
}

/**
 * The `next` parameter of sign-in when it is a path of this app, else the default screen. Accepted:
 * one leading "/" (not "//"), no backslash and no control character, before and after percent-decoding,
 * and the URL it makes stays on this origin.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next) return DEFAULT_SCREEN;
  if (!decodings(next).every(sameAppPath)) return DEFAULT_SCREEN;
  try {
    if (new URL(next, BASE).origin !== BASE) return DEFAULT_SCREEN;
  } catch {
    return DEFAULT_SCREEN;
  }
  return next;
}
