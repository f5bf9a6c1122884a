/**
 * The Fluent 2 web components the board and "My cases" use, registered as <fluent-button> and <fluent-badge>.
 * Imported one by one, so each page's bundle carries these and nothing else of the library.
 */
import '@fluentui/web-components/badge.js';
import '@fluentui/web-components/button.js';
