import { DataSource } from 'typeorm';
import { it, vi } from 'vitest';
import { createUser, signedInAgent, startTestApi } from '../support/harness';
const Q = `query RegisterFirstPage {
  alliances(first: 20) {
    nodes {
      id name status
      industry { name }
      chairMember { name }
      members(current: true) { organization { name } role }
      foundingCheck { allHold conditions { condition holds } }
    }
  }
}`;
it('prints', async () => {
  const api = await startTestApi();
  const agent = await signedInAgent(api, await createUser('430000', ['PROVINCE_OFFICER'], 'zzp'));
  const spy = vi.spyOn(api.app.get(DataSource).logger, 'logQuery');
  const res = await agent.send(Q, {});
  spy.mockClear();
  await agent.send(Q, {});
  console.log(JSON.stringify(res).slice(0, 200));
  console.log(spy.mock.calls.map((c, i) => `${i + 1}: ${String(c[0]).replace(/\s+/g, ' ').slice(0, 400)}`).join('\n'));
  await api.close();
});
