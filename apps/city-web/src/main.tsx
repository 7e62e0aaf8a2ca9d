import { createApolloClient, ViewerProvider, WebAppProviders } from '@xiangmeng/web';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { CityApp } from './city-app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <WebAppProviders client={createApolloClient()}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <ViewerProvider>
          <CityApp />
        </ViewerProvider>
      </BrowserRouter>
    </WebAppProviders>
  </StrictMode>,
);
