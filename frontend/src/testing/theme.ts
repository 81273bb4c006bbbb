import { Menu, Modal, Popover, Tooltip, type MantineThemeOverride } from '@mantine/core';
import { theme } from '@/app/theme';

const instant = { transitionProps: { duration: 0, exitDuration: 0 } };

/**
 * The app's theme with every transition and delay at zero, so no test waits for an animation nor
 * depends on the reduced-motion media query being read before a dialog opens.
 */
export const testTheme: MantineThemeOverride = {
  ...theme,
  components: {
    ...theme.components,
    Modal: Modal.extend({ defaultProps: { ...theme.components?.Modal?.defaultProps, ...instant } }),
    Tooltip: Tooltip.extend({ defaultProps: { ...instant, openDelay: 0, closeDelay: 0 } }),
    Popover: Popover.extend({ defaultProps: instant }),
    Menu: Menu.extend({ defaultProps: { ...instant, openDelay: 0, closeDelay: 0 } }),
  },
};
