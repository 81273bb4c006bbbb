import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { notifications } from '@mantine/notifications';
import { end, takeEndReason } from '@/lib/auth/session-store';

// Nothing here waits on a clock: findBy* only gives up after 10 s, so a busy machine slows a test
// down instead of failing it.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks what Mantine measures with. Test files share one jsdom per worker (isolate: false),
// so each patch is made once.
const patched = window as Window & { __patchedForTests?: boolean };
if (!patched.__patchedForTests) {
  patched.__patchedForTests = true;
  // Mantine asks for pseudo-elements, which jsdom reports as not implemented.
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => getComputedStyle(element);
}
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    // Reduced motion: Mantine then skips its transitions, which keeps tests quick.
    matches: query.includes('prefers-reduced-motion'),
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});
class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserver;
window.HTMLElement.prototype.scrollIntoView = () => {};
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  // Mantine keeps shown notifications in a module-level store, which outlives the component.
  notifications.clean();
  notifications.cleanQueue();
  end('signed-out');
  takeEndReason();
  vi.unstubAllGlobals();
  // A test that faked the clock and failed before restoring it must not leave the next file on it.
  vi.useRealTimers();
  sessionStorage.clear();
  localStorage.clear();
});

// Textarea's autosize listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}
