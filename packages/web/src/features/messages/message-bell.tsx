import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { UnreadMessageCountQuery } from './messages.operations';

// Unread messages are looked at once a minute: a notice need not arrive the same second.
const POLL_MS = 60_000;

/** The header's bell: the unread count, opening the message centre. */
export function MessageBell() {
  const navigate = useNavigate();
  const { data } = useQuery(UnreadMessageCountQuery, {
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  const unread = data?.unreadMessageCount ?? 0;
  return (
    <Badge count={unread} size="small" offset={[-4, 4]} data-testid="unread-messages">
      <Button
        type="text"
        aria-label={unread ? `消息（${unread} 条未读）` : '消息'}
        icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />}
        onClick={() => void navigate('/messages')}
      />
    </Badge>
  );
}
