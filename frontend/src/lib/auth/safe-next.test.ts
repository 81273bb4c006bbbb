import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREEN, safeNext } from './safe-next';

describe('the next parameter of sign-in', () => {
  it.each([
    '/settings/iam/users',
    '/settings/iam/api-access?q=acme&page=2',
    '/settings/iam/users#top',
    // A literal "%" in a search is not an escape of anything.
    '/settings/iam/api-access?q=100%25',
    '/settings/iam/api-access?q=a%20b',
  ])('follows the path of this app %j', (next) => {
    expect(safeNext(next)).toBe(next);
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a path', '//evil.example/settings/iam/users'],
    ['slash-backslash', '/\\evil.example'],
    ['backslash-slash', '\\/evil.example'],
    ['two backslashes', '\\\\evil'],
    ['a backslash further on', '/settings\\..\\..\\evil'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an encoded backslash, lower case', '/%5cevil.example'],
    ['a twice-encoded backslash', '/%255Cevil.example'],
    ['an encoded second slash', '/%2Fevil.example'],
    ['an absolute URL', 'https://evil.example'],
    ['an absolute URL with a path', 'https://evil.example/settings/iam/users'],
    ['a scheme without slashes', 'http:evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative path', 'settings/iam/users'],
    ['a leading space', ' //evil.example'],
    ['a tab after the slash', '/\t/evil.example'],
    ['a newline after the slash', '/\n/evil.example'],
    ['a carriage return inside', '/settings\r/iam'],
    ['an encoded tab', '/%09/evil.example'],
    ['a NUL', '/settings\u0000/iam'],
    ['a C1 control', '/settings\u0085/iam'],
    ['DEL', '/settings\u007f/iam'],
  ])('refuses %s and goes to the default screen', (_, next) => {
    expect(safeNext(next)).toBe(DEFAULT_SCREEN);
  });
});
