import { DatePicker, Form, Input } from 'antd';
import { IndustryTreeSelect } from '../industries/industry-tree-select';
import { calendarDateRules, isAfterToday } from '../../shared/calendar-dates';

/** 名称, 产业, 发起日期, 目标: the register entry of an alliance, on registering and on editing. */
export function AllianceBasicsFields() {
  return (
    <>
      <Form.Item
        label="联盟名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请填写联盟名称' },
          { min: 4, message: '联盟名称至少 4 个字' },
          { max: 100, message: '联盟名称不能超过 100 个字' },
        ]}
      >
        <Input
          autoComplete="off"
          count={{ show: true, max: 100 }}
          placeholder="如：湖南省先进轨道交通装备产业技术创新战略联盟"
        />
      </Form.Item>
      <Form.Item label="产业分类" name="industryCode" rules={[{ required: true, message: '请选择产业分类' }]}>
        <IndustryTreeSelect />
      </Form.Item>
      <Form.Item label="发起日期" name="foundedOn" rules={calendarDateRules('发起日期')}>
        <DatePicker disabledDate={isAfterToday} placeholder="请选择日期" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        label="联盟目标"
        name="objectives"
        rules={[{ max: 5000, message: '联盟目标不能超过 5000 个字' }]}
        extra="技术创新目标、拟解决的产业共性关键技术等（第二条、第四条）"
      >
        <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
      </Form.Item>
    </>
  );
}
