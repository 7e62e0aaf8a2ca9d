import { useMutation } from '@apollo/client/react';
import { MEMBER_ROLE_LABELS, type AllianceStatus, type MemberRole } from '@xiangmeng/domain';
import { App, DatePicker, Descriptions, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { OrganizationPicker, type PickedOrganization } from '../organizations/organization-picker';
import { OrganizationTags } from '../organizations/organization-tags';
import {
  calendarDateRules,
  fromCalendarDate,
  isAfterToday,
  toCalendarDate,
  todayInChina,
} from '../../shared/calendar-dates';
import { FormModal } from '../../shared/form-modal';
import { showViolationsOnForm } from '../../shared/form-violations';
import { AddAllianceMemberMutation, type AllianceMemberRow } from './alliances.operations';

type AddMemberValues = { organizationId: string; role: MemberRole; joinedOn: Dayjs };

const ROLES = Object.keys(MEMBER_ROLE_LABELS) as MemberRole[];

/** 添加成员单位: an organization of the directory (or a new one) joins on a date, in a role. */
export function AddMemberModal({
  open,
  allianceId,
  foundedOn,
  status,
  currentMembers,
  onClose,
}: {
  open: boolean;
  allianceId: string;
  foundedOn: string;
  status: AllianceStatus;
  currentMembers: readonly AllianceMemberRow[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AddMemberValues>();
  const [picked, setPicked] = useState<PickedOrganization | null>(null);
  const [addMember, { loading }] = useMutation(AddAllianceMemberMutation);
  const chairTaken = currentMembers.some((m) => m.role === 'CHAIR');

  async function add(values: AddMemberValues) {
    await addMember({
      variables: {
        input: {
          allianceId,
          organizationId: values.organizationId,
          role: values.role,
          joinedOn: toCalendarDate(values.joinedOn),
        },
      },
      refetchQueries: 'active',
      awaitRefetchQueries: true,
    });
    void message.success(`${picked?.name ?? '该单位'}已加入联盟`);
    onClose();
  }

  return (
    <FormModal<AddMemberValues>
      open={open}
      title="添加成员单位"
      okText="添加"
      width={640}
      loading={loading}
      onCancel={onClose}
      afterClose={() => setPicked(null)}
      form={form}
      name="add-member"
      // Founders join on the founding date; later members usually on the day they are entered.
      initialValues={{
        role: chairTaken ? 'MEMBER' : 'CHAIR',
        joinedOn: fromCalendarDate(status === 'FORMING' ? foundedOn : todayInChina()),
      }}
      onSubmit={add}
      placeError={showViolationsOnForm}
    >
      <Form.Item
        label="成员单位"
        name="organizationId"
        rules={[{ required: true, message: '请从名录中选择单位，名录中没有的可新增' }]}
        extra="按名称或统一社会信用代码查找；名录中没有的单位，点下拉框底部的「新增单位」"
      >
        <OrganizationPicker onPicked={setPicked} excludeIds={currentMembers.map((m) => m.organization.id)} />
      </Form.Item>
      {picked && (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 24 }}
          data-testid="picked-organization"
          items={[
            { key: 'creditCode', label: '统一社会信用代码', children: picked.creditCode },
            { key: 'legalRepresentative', label: '法定代表人', children: picked.legalRepresentative },
            { key: 'tags', label: '单位信息', children: <OrganizationTags organization={picked} /> },
          ]}
        />
      )}
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={ROLES.map((role) => ({
            value: role,
            label:
              role === 'CHAIR' && chairTaken
                ? `${MEMBER_ROLE_LABELS[role]}（已有）`
                : MEMBER_ROLE_LABELS[role],
            disabled: role === 'CHAIR' && chairTaken,
          }))}
        />
      </Form.Item>
      <Form.Item
        label="加入日期"
        name="joinedOn"
        rules={calendarDateRules('加入日期', { date: foundedOn, label: '联盟发起日期' })}
      >
        <DatePicker disabledDate={isAfterToday} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
