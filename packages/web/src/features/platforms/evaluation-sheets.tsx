import type { EvaluationScheme, EvaluationSheet } from '@xiangmeng/domain';
import { Divider, Flex, Form, Input, InputNumber, Typography } from 'antd';

// The experts' score sheets of a graded evaluation (graded-evaluation.ts), on the scheme's
// criteria: a platform's (by its kind) and a cooperation base's (by its type) alike.

export type SheetValues = { expertName: string; scores: Record<string, number | null> };

/** The sheets as the mutation takes them (a criterion left empty goes as -1: the API names it). */
export function sheetsInput(scheme: EvaluationScheme, sheets: readonly SheetValues[]) {
  return sheets.map((s) => ({
    expertName: (s.expertName ?? '').trim(),
    scores: scheme.criteria.map((c) => ({ key: c.key, score: s.scores?.[c.key] ?? -1 })),
  }));
}

/** The same sheets as the domain's evaluate() reads them. */
export function domainSheets(sheets: ReturnType<typeof sheetsInput>): EvaluationSheet[] {
  return sheets.map((s) => ({
    expertName: s.expertName,
    scores: Object.fromEntries(s.scores.map((x) => [x.key, x.score])),
  }));
}

export const EMPTY_SHEETS: SheetValues[] = [0, 1, 2].map(() => ({ expertName: '', scores: {} }));

/** 专家评分: one row per expert, one 0–100 field per criterion of the scheme. */
export function EvaluationSheetsList({ scheme }: { scheme: EvaluationScheme }) {
  return (
    <>
      <Typography.Text strong>专家评分（每项 0–100）</Typography.Text>
      <Form.List name="sheets">
        {(fields) =>
          fields.map((field, i) => (
            <div key={field.key}>
              <Divider style={{ margin: '8px 0' }} />
              <Flex wrap gap={12} align="start">
                <Form.Item
                  label={`专家 ${i + 1}`}
                  name={[field.name, 'expertName']}
                  rules={[{ required: true, whitespace: true, message: '请填写专家姓名' }]}
                >
                  <Input maxLength={40} style={{ width: 120 }} data-testid={`evaluation-expert-${i}`} />
                </Form.Item>
                {scheme.criteria.map((c) => (
                  <Form.Item
                    key={c.key}
                    label={c.label}
                    name={[field.name, 'scores', c.key]}
                    rules={[{ required: true, message: '请评分' }]}
                  >
                    <InputNumber
                      min={0}
                      max={100}
                      style={{ width: 90 }}
                      data-testid={`evaluation-score-${i}-${c.key}`}
                    />
                  </Form.Item>
                ))}
              </Flex>
            </div>
          ))
        }
      </Form.List>
    </>
  );
}
