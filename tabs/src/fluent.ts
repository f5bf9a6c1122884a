import { setTheme } from '@fluentui/web-components/theme/set-theme.js';
import type { Badge, Button } from '@fluentui/web-components';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';

/**
 * Fluent 2, Teams' design language, for the tab pages: the few web components they use, registered once,
 * and the Teams themes' design tokens (colours, type, spacing, radii, shadows) as CSS custom properties that
 * tabs.css reads. The components (fluentComponents.ts) come only with the pages that show them.
 *
 * Text fields and selects stay native controls dressed in the same tokens, as Fluent 2's own Input and Select
 * are: inside a web component's shadow root, a field's label and hint could not be tied to it for screen
 * readers (aria-describedby does not cross that boundary), and the browser's select keeps its keyboard.
 */

declare global {
  interface HTMLElementTagNameMap {
    'fluent-badge': Badge;
    'fluent-button': Button;
  }
}

export type Theme = 'default' | 'dark' | 'contrast';

const TOKENS = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

/** Sets the page's tokens to the Teams theme the host reports (teams-js: "default", "dark", "contrast"). */
export function setFluentTheme(theme: Theme): void {
  setTheme(TOKENS[theme]);
}
