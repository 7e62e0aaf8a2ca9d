import { Flex, Spin } from 'antd';

// Apart from page-states.tsx: the first screen shows it, and should not load antd's Result with it.
export function PageLoading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" description="加载中…" />
    </Flex>
  );
}
