import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App, prepareFirstView } from './App.tsx';
import { ApiError } from './api/client.ts';
import { initI18n } from './i18n/index.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again; a network hiccup might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

// A data router, so that a form can hold up leaving the page while its work is unsaved (useBlocker);
// the app's own routes stay in App.
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

const root = document.getElementById('root') as HTMLElement;

/**
 * The first render waits for the interface's texts in its language. A public page comes with its
 * first view from the server (src/server/web/first-view.ts), which stays on screen until the app has
 * all it needs to show the same page whole; the app's render then replaces it in one go.
 */
async function start() {
  await initI18n();
  // Should a page's code fail to load, the app renders anyway and says so, as on any other page.
  if (root.hasAttribute('data-first-view')) await prepareFirstView(queryClient, window.location).catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
  // From here the app answers: the first view's links and buttons are its own.
  root.removeAttribute('data-first-view');
}
void start();
