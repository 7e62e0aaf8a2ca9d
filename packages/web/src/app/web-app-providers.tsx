import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import type { ReactNode } from 'react';

/**
 * Chinese locale, the platform's theme and Apollo. antd's App context (message, modal) and the
 * dates' Chinese locale come with the signed-in shell, the only place that uses them, so the first
 * download goes without them.
 */
export function WebAppProviders({ client, children }: { client: ApolloClient; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4 } }}
      // Buttons read exactly as written ("登录", not "登 录"), for people and for tests alike.
      button={{ autoInsertSpace: false }}
    >
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </ConfigProvider>
  );
}
