import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { dropTokenFromAddress } from './routing/drop-token';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/table.css';
import './styles/pages.css';
import './styles/findings.css';

dropTokenFromAddress();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
