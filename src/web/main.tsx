import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(<main><h1>Samverka</h1></main>);
