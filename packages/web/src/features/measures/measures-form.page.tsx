import { useMutation, useQuery } from '@apollo/client/react';
import {
  checkOverridesShape,
  ErrorCode,
  resolveParameters,
  TenantLevel,
  validateMeasuresParameters,
  type FieldViolation,
  type MeasuresParameters,
} from '@xiangmeng/domain';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  Result,
  Space,
  Switch,
  Typography,
  theme,
  type FormInstance,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadFailure } from '../../shared/page-states';
import { PageLoading } from '../../shared/page-loading';
import { useSignedInViewer } from '../auth/viewer.provider';
import { type ApiError, showApiErrorOnForm, toApiError } from '../../shared/api-error';
import { isStaleEdit, StaleEditAlert } from '../../shared/stale-edit.alert';
import type { MeasuresFieldsFragment } from '../../gql/graphql';
import { PARAMETER_HINTS, PARAMETER_LABELS, PARAMETER_SECTIONS, type ParameterPath } from '@xiangmeng/domain';
import {
  overriddenPaths,
  parameterValue,
  pickOverrides,
  placeViolations,
  readOverrides,
  readParameters,
  splitPath,
} from './measures-parameter-paths';
import {
  CreateMeasuresDraftMutation,
  MeasuresInForceQuery,
  MeasuresVersionsQuery,
  UpdateMeasuresDraftMutation,
} from './measures.operations';
import { ParameterInput } from './parameter-input';
import { ParameterValue } from './parameter-value';

type Measures = MeasuresFieldsFragment;

type MeasuresFormValues = {
  title: string;
  documentNumber: string;
  effectiveOn: Dayjs | null;
  /** Every parameter; for a city only the switched-on ones are sent, as overrides. */
  parameters: MeasuresParameters;
};

/** 新建版本 / 编辑草稿: loads what the form starts from, then hands over to MeasuresForm. */
export function MeasuresFormPage() {
  const { id } = useParams<{ id: string }>();
  const viewer = useSignedInViewer();
  const versions = useQuery(MeasuresVersionsQuery, { fetchPolicy: 'cache-and-network' });
  const inForce = useQuery(MeasuresInForceQuery, { fetchPolicy: 'cache-and-network' });

  if ((versions.error && !versions.data) || (inForce.error && !inForce.data)) {
    return (
      <LoadFailure
        error={toApiError(versions.error ?? inForce.error)}
        onRetry={() => {
          void versions.refetch().catch(() => undefined);
          void inForce.refetch().catch(() => undefined);
        }}
      />
    );
  }
  if (!versions.data || !inForce.data) return <PageLoading />;

  const draft = id ? versions.data.measuresVersions.find((m) => m.id === id) : undefined;
  if (id && (!draft || draft.tenantId !== viewer.tenant.id || draft.status !== 'DRAFT')) {
    return (
      <Result
        status="warning"
        title="不能修改这个版本"
        subTitle="只能修改本单位的草稿；已发布的版本永远不能修改，如需调整请新建版本。"
        extra={<Link to="/measures">返回实施办法</Link>}
      />
    );
  }
  return (
    <MeasuresForm
      key={draft ? `${draft.id}:${draft.version}` : 'new'}
      draft={draft}
      onReload={() => versions.refetch()}
      isCity={viewer.tenant.level === TenantLevel.CITY}
      provinceToday={inForce.data.measuresInForce.province}
    />
  );
}

function MeasuresForm({
  draft,
  isCity,
  provinceToday,
  onReload,
}: {
  draft: Measures | undefined;
  isCity: boolean;
  provinceToday: Measures;
  onReload: () => Promise<unknown>;
}) {
  // The draft's version the form was filled from: a save based on it is refused if someone saved since.
  const [baseVersion] = useState(draft?.version ?? 0);
  const [stale, setStale] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<MeasuresFormValues>();
  const [initialValues] = useState<MeasuresFormValues>(() => initialFormValues(draft, isCity, provinceToday));
  const [values, setValues] = useState<MeasuresFormValues>(initialValues);
  const [overridden, setOverridden] = useState<ParameterPath[]>(() =>
    isCity && draft ? overriddenPaths(readOverrides(draft.parameters)) : [],
  );
  const [serverViolations, setServerViolations] = useState<FieldViolation[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const refetchQueries = [MeasuresVersionsQuery, MeasuresInForceQuery];
  const [createDraft, created] = useMutation(CreateMeasuresDraftMutation, { refetchQueries });
  const [updateDraft, updated] = useMutation(UpdateMeasuresDraftMutation, { refetchQueries });

  // A city's overrides apply on top of the province version in force on their effective date.
  const effectiveOn = values.effectiveOn?.format('YYYY-MM-DD');
  const baseQuery = useQuery(MeasuresInForceQuery, {
    variables: { asOf: effectiveOn },
    skip: !isCity || !effectiveOn,
  });
  const baseMeasures = (baseQuery.data ?? baseQuery.previousData)?.measuresInForce.province ?? provinceToday;
  const baseProblem = isCity && effectiveOn && baseQuery.error ? noProvinceMeasures(baseQuery.error) : null;

  const { overrides, effective, clientViolations } = useMemo(() => {
    if (!isCity) {
      return {
        overrides: undefined,
        effective: values.parameters,
        clientViolations: validateMeasuresParameters(values.parameters),
      };
    }
    const picked = pickOverrides(values.parameters, overridden);
    const resolved = resolveParameters(readParameters(baseMeasures.parameters), picked);
    return {
      overrides: picked,
      effective: resolved,
      clientViolations: [...checkOverridesShape(picked), ...validateMeasuresParameters(resolved)],
    };
  }, [isCity, values.parameters, overridden, baseMeasures]);
  const { byPath, unplaced } = placeViolations([...clientViolations, ...serverViolations], effective);

  function sync() {
    setValues(form.getFieldsValue(true) as MeasuresFormValues);
    setServerViolations([]);
  }

  function toggleOverride(path: ParameterPath, on: boolean) {
    if (on) {
      // Starts from the province's value; a copy, so editing a list never touches the cached one.
      const provinceValue = parameterValue(readParameters(baseMeasures.parameters), path);
      // The path is typed by section and key separately, which antd's NamePath cannot follow.
      (form as FormInstance).setFieldValue(
        ['parameters', ...splitPath(path)],
        structuredClone(provinceValue),
      );
    }
    setOverridden((paths) => (on ? [...paths, path] : paths.filter((p) => p !== path)));
    sync();
  }

  async function save() {
    setFormError(null);
    setStale(null);
    if (clientViolations.length > 0) {
      setFormError(`尚有 ${clientViolations.length} 处参数不符合规则，请按标注修改后再保存`);
      return;
    }
    if (!values.effectiveOn) return;
    const input = {
      title: values.title.trim(),
      documentNumber: values.documentNumber.trim(),
      effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
      parameters: isCity ? overrides : values.parameters,
    };
    try {
      const saved = draft
        ? (await updateDraft({ variables: { input: { id: draft.id, version: baseVersion, ...input } } })).data
            ?.updateMeasuresDraft
        : (await createDraft({ variables: { input } })).data?.createMeasuresDraft;
      if (!saved) return;
      void message.success(`第 ${saved.versionNo} 版草稿已保存`);
      void navigate(`/measures/${saved.id}`);
    } catch (error) {
      const apiError = toApiError(error);
      const onParameters = apiError.violations.filter((v) => v.field.startsWith('parameters'));
      const others = apiError.violations.filter((v) => !v.field.startsWith('parameters'));
      setServerViolations(onParameters);
      // Someone saved the draft first: keep what was typed on screen and offer their version.
      if (isStaleEdit(apiError)) {
        setStale(apiError);
        return;
      }
      if (apiError.code === ErrorCode.MEASURES_NOT_DRAFT) {
        setFormError('该版本已经发布，不能再修改；如需调整请新建版本');
        return;
      }
      const text = showApiErrorOnForm(form, { ...apiError, violations: others });
      setFormError(text ?? (onParameters.length > 0 ? apiError.message : null));
    }
  }

  const title = draft ? `编辑草稿 · 第 ${draft.versionNo} 版` : isCity ? '新建本市实施办法' : '新建版本';
  return (
    <Card
      title={title}
      extra={
        <Button onClick={() => void navigate(draft ? `/measures/${draft.id}` : '/measures')}>取消</Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          isCity
            ? `打开「覆盖省级」的参数写入本市实施办法，其余参数执行省级规定。${
                baseProblem
                  ? '所选生效日期没有生效的省级实施办法。'
                  : `省级依据：《${baseMeasures.title}》${baseMeasures.documentNumber}（第 ${baseMeasures.versionNo} 版，${effectiveOn ?? '今日'}有效）。`
              }`
            : draft
              ? '修改草稿的参数；发布前可以反复修改。'
              : `已按今日生效的《${provinceToday.title}》${provinceToday.documentNumber}预填全部参数，请修改需要调整的参数。`
        }
      />
      <Form<MeasuresFormValues>
        form={form}
        name="measures"
        layout="horizontal"
        labelCol={{ flex: '200px' }}
        labelWrap
        // A fixed label column; wide editors (the eight criteria) wrap inside theirs.
        wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }}
        initialValues={initialValues}
        onValuesChange={sync}
        onFinish={() => void save()}
      >
        <Flex vertical gap={16}>
          <Card type="inner" size="small" title="基本信息">
            <Form.Item
              name="title"
              label="标题"
              rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="documentNumber"
              label="文号"
              rules={[{ required: true, whitespace: true, message: '请填写文号' }]}
            >
              <Input maxLength={100} placeholder="如：湘科〔2016〕106号" style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item
              name="effectiveOn"
              label="生效日期"
              rules={[{ required: true, message: '请选择生效日期' }]}
              extra="北京时间，自该日起施行（第二十二条）"
              {...(baseProblem ? { validateStatus: 'error' as const, help: baseProblem } : {})}
            >
              <DatePicker
                placeholder="选择日期"
                // Enter confirms a typed date; it must not also submit the form.
                onKeyDown={(event) => {
                  if (event.key === 'Enter') event.preventDefault();
                }}
              />
            </Form.Item>
          </Card>
          {PARAMETER_SECTIONS.map(({ section, title: sectionTitle, paths }) => (
            <Card key={section} type="inner" size="small" title={sectionTitle}>
              {paths.map((path) => (
                <ParameterField
                  key={path}
                  path={path}
                  isCity={isCity}
                  overridden={overridden.includes(path)}
                  onToggle={toggleOverride}
                  parameters={values.parameters}
                  province={readParameters(baseMeasures.parameters)}
                  messages={byPath.get(path) ?? []}
                />
              ))}
            </Card>
          ))}
          {unplaced.length > 0 && <Alert type="error" showIcon title={unplaced.join('；')} />}
          {clientViolations.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`尚有 ${clientViolations.length} 处参数不符合规则，请按标注修改`}
            />
          )}
          {formError && <Alert type="error" showIcon title={formError} />}
          {stale && <StaleEditAlert error={stale} onReload={onReload} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={created.loading || updated.loading}>
              保存草稿
            </Button>
            <Button onClick={() => void navigate(draft ? `/measures/${draft.id}` : '/measures')}>取消</Button>
          </Space>
        </Flex>
      </Form>
    </Card>
  );
}

function ParameterField({
  path,
  isCity,
  overridden,
  onToggle,
  parameters,
  province,
  messages,
}: {
  path: ParameterPath;
  isCity: boolean;
  overridden: boolean;
  onToggle: (path: ParameterPath, on: boolean) => void;
  parameters: MeasuresParameters;
  province: MeasuresParameters;
  messages: string[];
}) {
  const { token } = theme.useToken();
  const label = PARAMETER_LABELS[path];
  const editable = !isCity || overridden;
  return (
    <Form.Item
      label={label}
      validateStatus={messages.length > 0 ? 'error' : undefined}
      help={
        messages.length > 0 ? (
          <Flex vertical data-testid={`violations-${path}`}>
            {messages.map((m) => (
              <span key={m}>{m}</span>
            ))}
          </Flex>
        ) : undefined
      }
      extra={editable ? PARAMETER_HINTS[path] : undefined}
      style={
        isCity && overridden
          ? { background: token.colorWarningBg, padding: 8, borderRadius: token.borderRadius }
          : undefined
      }
    >
      <Flex vertical gap={8} align="start">
        {isCity && (
          <Flex gap={8} align="center">
            <Switch
              size="small"
              checked={overridden}
              onChange={(on) => onToggle(path, on)}
              aria-label={`覆盖省级：${label}`}
            />
            <span>覆盖省级</span>
          </Flex>
        )}
        {editable ? (
          <ParameterInput path={path} parameters={parameters} />
        ) : (
          <span>
            <ParameterValue path={path} parameters={province} />
            <Typography.Text type="secondary">（执行省级规定）</Typography.Text>
          </span>
        )}
        {isCity && overridden && (
          <Typography.Text type="secondary">
            省级规定：
            <ParameterValue path={path} parameters={province} />
          </Typography.Text>
        )}
      </Flex>
    </Form.Item>
  );
}

function initialFormValues(
  draft: Measures | undefined,
  isCity: boolean,
  provinceToday: Measures,
): MeasuresFormValues {
  const province = readParameters(provinceToday.parameters);
  const parameters = isCity
    ? resolveParameters(province, draft ? readOverrides(draft.parameters) : {})
    : draft
      ? readParameters(draft.parameters)
      : province;
  return {
    title: draft?.title ?? (isCity ? '' : provinceToday.title),
    documentNumber: draft?.documentNumber ?? '',
    effectiveOn: draft ? dayjs(draft.effectiveOn) : null,
    // A deep copy: Apollo's cached results are frozen, and the form edits lists in place.
    parameters: structuredClone(parameters),
  };
}

function noProvinceMeasures(error: unknown): string {
  const apiError = toApiError(error);
  return apiError.code === ErrorCode.MEASURES_NOT_IN_FORCE
    ? '该日期没有生效的省级实施办法，请选择更晚的日期'
    : apiError.message;
}
