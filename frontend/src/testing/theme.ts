import { Menu, Modal, Popover, Tooltip, type MantineThemeOverride, type ModalProps } from '@mantine/core';
import { theme } from '@/app/theme';

const instant = { transitionProps: { duration: 0, exitDuration: 0 } };

/**
 * The app's theme with every transition and delay at zero, so no test waits for an animation nor
 * depends on the reduced-motion media query being read before a dialog opens. Portals stay (unlike
 * MantineProvider env="test"): dialogs rendered inside forms must not nest in them.
 */
export const testTheme: MantineThemeOverride = {
  ...theme,
  components: {
    ...theme.components,
    Modal: Modal.extend({
      defaultProps: { ...(theme.components?.Modal?.defaultProps as Partial<ModalProps> | undefined), ...instant },
    }),
    // jsdom lays nothing out, so floating-ui finds every anchor "detached" and would hide what floats.
    Tooltip: Tooltip.extend({ defaultProps: { ...instant, openDelay: 0, closeDelay: 0, hideDetached: false } }),
    Popover: Popover.extend({ defaultProps: { ...instant, hideDetached: false } }),
    Menu: Menu.extend({ defaultProps: { ...instant, openDelay: 0, closeDelay: 0 } }),
  },
};
