import { Alert, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { showApiErrorOnForm, toApiError, type ApiError } from './api-error';
import { ApiErrorAlert } from './api-error.alert';
import { isStaleEdit, StaleEditAlert } from './stale-edit.alert';

/** What the API refused and the form could not place beside a field: one line, or a list. */
export type FormModalError = string | ApiError | null;

type FormModalProps<Values> = {
  open: boolean;
  title: ReactNode;
  okText: string;
  okButtonProps?: ButtonProps;
  form: FormInstance<Values>;
  /** the form's name, which prefixes its fields' ids */
  name?: string;
  initialValues?: Partial<Values>;
  /** Whether OK spins; by default while onSubmit runs. */
  loading?: boolean;
  width?: number;
  /** Sends the values; throws what the API refused. */
  onSubmit: (values: Values) => Promise<void>;
  /** Puts the refusal beside the fields it names; returns the rest for the alert. */
  placeError?: (form: FormInstance<Values>, error: ApiError) => FormModalError;
  errorTestId?: string;
  onCancel: () => void;
  /** After the closing animation: clear what the caller shows about this opening. */
  afterClose?: () => void;
  /** Keeps the form mounted while closed and resets it after closing, instead of destroying it. */
  keepMounted?: boolean;
  /**
   * For an edit: loads the record as now stored into the form, after a save refused because
   * someone saved it first. Until the user asks, the form keeps what they typed.
   */
  onReload?: () => Promise<void>;
  /** Shown above the error and the form: what the step does, warnings. */
  intro?: ReactNode;
  children: ReactNode;
};

/** A modal form that sends one mutation: OK submits, the API's refusal goes on the fields or above them. */
export function FormModal<Values>({
  open,
  title,
  okText,
  okButtonProps,
  form,
  name,
  initialValues,
  loading,
  width,
  onSubmit,
  placeError = showApiErrorOnForm,
  errorTestId,
  onCancel,
  afterClose,
  keepMounted = false,
  onReload,
  intro,
  children,
}: FormModalProps<Values>) {
  const [error, setError] = useState<FormModalError>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: Values) {
    setError(null);
    setStale(null);
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (refusal) {
      const apiError = toApiError(refusal);
      if (onReload && isStaleEdit(apiError)) setStale(apiError);
      else setError(placeError(form, apiError));
    } finally {
      setSubmitting(false);
    }
  }

  function reload(): Promise<void> {
    if (!onReload) return Promise.resolve();
    return onReload()
      .then(() => setStale(null))
      .catch((failure: unknown) => setError(toApiError(failure).message));
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={okButtonProps}
      confirmLoading={loading ?? submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={width}
      afterClose={() => {
        if (keepMounted) form.resetFields();
        setError(null);
        setStale(null);
        afterClose?.();
      }}
      forceRender={keepMounted}
      destroyOnHidden={!keepMounted}
    >
      {intro}
      {stale && <StaleEditAlert error={stale} onReload={reload} />}
      {typeof error === 'string' ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={errorTestId} />
      ) : (
        <ApiErrorAlert error={error} testId={errorTestId} />
      )}
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}
