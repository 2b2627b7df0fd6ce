import { addons } from 'storybook/manager-api';
import { create } from 'storybook/theming';

// The Storybook UI itself: our name in the sidebar, the system's light or dark look.
addons.setConfig({
  theme: create({
    base: window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
    brandTitle: 'lesson-elements',
    colorPrimary: '#0a58ca',
    colorSecondary: '#0a58ca',
  }),
  sidebar: { showRoots: true },
});
