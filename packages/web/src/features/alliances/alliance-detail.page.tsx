import { useQuery } from '@apollo/client/react';
import { ALLIANCE_ACTION_LABELS, ErrorCode, Role, TenantLevel, type AllianceAction } from '@xiangmeng/domain';
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { toApiError } from '../../shared/api-error';
import { useSignedInViewer } from '../auth/viewer.provider';
import { AgreementsSection } from './agreements.section';
import { AllianceFilingTag, AllianceStatusTag, NationalPilotTag, PilotStatusTag } from './alliance-tags';
import { filingStateLabel } from './register-filter';
import { BasicsSection } from './basics.section';
import { DissolveAllianceModal, EstablishAllianceModal } from './alliance-actions.modals';
import { DocumentsSection } from '../documents/alliance-documents.section';
import { FoundingCheckSection } from './founding-check.section';
import { GovernanceSection } from './governance.section';
import { MembersSection } from './members.section';
import { RecordNationalPilotModal, WithdrawNationalPilotModal } from './national-pilot.modals';
import { OutputsSection } from './outputs.section';
import { AllianceSummaryQuery } from './alliances.operations';
import { RecordHistorySection } from '../audit/record-history.section';

const TABS = ['basics', 'members', 'governance', 'agreements', 'documents', 'outputs', 'founding', 'history'] as const;
type TabKey = (typeof TABS)[number];

function isTab(value: string | null): value is TabKey {
  return (TABS as readonly (string | null)[]).includes(value);
}

/** One alliance of the register: its record in sections, the Art. 8 check and its status changes. */
export function AllianceDetailPage() {
  const viewer = useSignedInViewer();
  const { allianceId = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabKey = isTab(requested) ? requested : 'basics';
  const [action, setAction] = useState<AllianceAction | null>(null);
  const [nationalAction, setNationalAction] = useState<'RECORD' | 'WITHDRAW' | null>(null);
  // Each opening gets a fresh form (the modals are keyed by it), never the last one's values.
  const [openings, setOpenings] = useState(0);
  const { data, loading, error, refetch } = useQuery(AllianceSummaryQuery, {
    variables: { id: allianceId },
    fetchPolicy: 'cache-and-network',
  });

  if (loading && !data) return <PageLoading />;
  if (!data) {
    const apiError = toApiError(error);
    if (apiError.code === ErrorCode.NOT_FOUND) {
      return (
        <Result
          status="404"
          title="联盟不存在"
          subTitle={
            viewer.tenant.level === TenantLevel.PROVINCE
              ? '该联盟不存在，或既非本单位登记、也未向本单位备案（备案撤回或撤销后不再可见）。'
              : '该联盟不存在，或不是本单位登记的联盟。'
          }
          extra={
            <Button type="primary" onClick={() => void navigate('/alliances')}>
              返回联盟名录
            </Button>
          }
        />
      );
    }
    return <LoadFailure error={apiError} onRetry={() => void refetch().catch(() => undefined)} />;
  }

  const alliance = data.alliance;
  // Another tenant's alliance (a city's, filed with the province) is read-only, as are dissolved
  // ones: the API offers no action on them and refuses any change.
  const own = alliance.tenant.id === viewer.tenant.id;
  const actions = own ? alliance.availableActions : [];
  const editable = own && alliance.status !== 'DISSOLVED' && actions.length > 0;
  // The national pilot list is the province's: its administrators record and withdraw designations
  // of any alliance they open (the API decides again).
  const keepsNationalList =
    viewer.tenant.level === TenantLevel.PROVINCE && viewer.roles.includes(Role.PROVINCE_ADMIN);
  const national = alliance.nationalPilot;
  const withdrawnDesignations = alliance.nationalPilotHistory.filter((d) => d.withdrawal);

  const sections: Record<TabKey, { label: string; children: React.ReactNode }> = {
    basics: { label: '基本信息', children: <BasicsSection alliance={alliance} editable={editable} /> },
    history: {
      label: '办理记录',
      children: <RecordHistorySection subjectType="alliance" subjectId={alliance.id} />,
    },
    members: {
      label: '成员单位',
      children: (
        <MembersSection
          allianceId={alliance.id}
          status={alliance.status}
          editable={editable}
          ownRecord={own}
        />
      ),
    },
    governance: {
      label: '组织机构',
      children: <GovernanceSection allianceId={alliance.id} editable={editable} />,
    },
    agreements: {
      label: '联盟协议',
      children: <AgreementsSection allianceId={alliance.id} editable={editable} />,
    },
    documents: {
      label: '文件',
      children: <DocumentsSection allianceId={alliance.id} editable={editable} />,
    },
    outputs: { label: '产出', children: <OutputsSection allianceId={alliance.id} editable={editable} /> },
    founding: { label: '第八条检查', children: <FoundingCheckSection allianceId={alliance.id} /> },
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/alliances">联盟名录</Link> }, { title: alliance.name }]} />
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Space size={8} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {alliance.name}
              </Typography.Title>
              <AllianceStatusTag status={alliance.status} />
              <PilotStatusTag pilotStatus={alliance.pilotStatus} />
              <NationalPilotTag designation={national} />
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2, xl: 4 }}
              items={[
                { key: 'industry', label: '产业', children: alliance.industry.name },
                { key: 'foundedOn', label: '发起日期', children: alliance.foundedOn },
                {
                  key: 'chair',
                  label: '理事长单位',
                  children: alliance.chairMember?.name ?? '未确定',
                },
                { key: 'tenant', label: '登记单位', children: alliance.tenant.name },
                {
                  key: 'filing',
                  label: '备案',
                  children: <AllianceFilingTag filing={alliance.filing} inline />,
                },
                ...(alliance.establishedOn
                  ? [{ key: 'establishedOn', label: '成立日期', children: alliance.establishedOn }]
                  : []),
              ]}
            />
          </Flex>
          <Space>
            {/* Art. 20: the IP its projects produced and the share licensed in the province. */}
            <Link to={`/programmes/ip-register?allianceId=${alliance.id}`} data-testid="alliance-ip-register">
              知识产权登记
            </Link>
            {keepsNationalList && !national && alliance.status !== 'DISSOLVED' && (
              <Button
                data-testid="record-national-pilot"
                onClick={() => {
                  setOpenings(openings + 1);
                  setNationalAction('RECORD');
                }}
              >
                记录国家级试点
              </Button>
            )}
            {keepsNationalList && national?.isMine && (
              <Button
                danger
                data-testid="withdraw-national-pilot"
                onClick={() => {
                  setOpenings(openings + 1);
                  setNationalAction('WITHDRAW');
                }}
              >
                撤销国家级试点
              </Button>
            )}
            {actions.map((available) => (
              <Button
                key={available}
                type={available === 'ESTABLISH' ? 'primary' : 'default'}
                danger={available === 'DISSOLVE'}
                onClick={() => {
                  setOpenings(openings + 1);
                  setAction(available);
                }}
              >
                {ALLIANCE_ACTION_LABELS[available]}
              </Button>
            ))}
          </Space>
        </Flex>
        {!own && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="alliance-read-only"
            title={`该联盟由${alliance.tenant.bureauName}登记，此处为其名录记录，只读`}
            description={
              alliance.filing && (
                <>
                  {filingSentence(alliance.filing)}
                  <Link to={`/filings/${alliance.filing.id}`} style={{ marginLeft: 8 }}>
                    查看备案
                  </Link>
                </>
              )
            }
          />
        )}
        {withdrawnDesignations.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="national-pilot-history">
            {`国家级试点认定记录：${withdrawnDesignations
              .map((d) => `${d.documentNumber}（${d.designatedOn}认定，${d.withdrawal!.on}撤销：${d.withdrawal!.reason}）`)
              .join('；')}`}
          </Typography.Paragraph>
        )}
        {alliance.status === 'DISSOLVED' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={`该联盟已于 ${alliance.dissolvedOn ?? '—'} 解散，记录只读`}
            description={alliance.dissolutionReason ? `解散原因：${alliance.dissolutionReason}` : undefined}
          />
        )}
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(params);
            next.set('tab', key);
            setParams(next, { replace: true });
          }}
          destroyOnHidden
          // The register's history is its home bureau's: another tier reads the record, not its trail.
          items={TABS.filter((key) => own || key !== 'history').map((key) => ({
            key,
            label: sections[key].label,
            children: sections[key].children,
          }))}
        />
      </Card>
      <EstablishAllianceModal
        key={`establish-${openings}`}
        alliance={alliance}
        open={action === 'ESTABLISH'}
        onClose={() => setAction(null)}
        onShowCheck={() => {
          setAction(null);
          const next = new URLSearchParams(params);
          next.set('tab', 'founding');
          setParams(next, { replace: true });
        }}
      />
      <RecordNationalPilotModal
        key={`national-record-${openings}`}
        alliance={alliance}
        open={nationalAction === 'RECORD'}
        onClose={() => setNationalAction(null)}
      />
      {national && (
        <WithdrawNationalPilotModal
          key={`national-withdraw-${openings}`}
          alliance={alliance}
          designation={national}
          open={nationalAction === 'WITHDRAW'}
          onClose={() => setNationalAction(null)}
        />
      )}
      <DissolveAllianceModal
        key={`dissolve-${openings}`}
        alliance={alliance}
        open={action === 'DISSOLVE'}
        onClose={() => setAction(null)}
      />
    </Flex>
  );
}

/** 「已向本单位备案（已备案，湘盟备〔2027〕3号）」: why the province reads another tenant's record. */
function filingSentence(filing: { state: string; filingNumber?: string | null }): string {
  const parts = [filingStateLabel(filing.state), filing.filingNumber].filter(Boolean);
  return `已向本单位备案（${parts.join('，')}）。`;
}
