// `npm start`: serves the demo straight from the TypeScript sources (no build step).
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8000);

export default {
  rootDir: '.',
  port,
  nodeResolve: true,
  appIndex: undefined,
  open: false,
  watch: false,
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    {
      name: 'demo-home',
      serverStart() {
        console.log(`\n  lesson-elements demo: http://localhost:${port}/demo/\n`);
      },
    },
  ],
  middleware: [
    function redirectHome(context, next) {
      if (context.url === '/' || context.url === '/index.html') context.redirect('/demo/');
      return next();
    },
  ],
};
