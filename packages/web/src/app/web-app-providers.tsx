import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { App, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';

dayjs.locale('zh-cn');

/** Chinese locale, the platform's theme, antd's App context (message, modal) and Apollo. */
export function WebAppProviders({ client, children }: { client: ApolloClient; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 4 } }}
      // Buttons read exactly as written ("登录", not "登 录"), for people and for tests alike.
      button={{ autoInsertSpace: false }}
    >
      <App>
        <ApolloProvider client={client}>{children}</ApolloProvider>
      </App>
    </ConfigProvider>
  );
}
