import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Progress as ProgressBar, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportMode } from '@/gql/graphql';
import { GraphQLRequestError, readAsBase64, type Progress } from '@/features/vetting/upload';
import { statusWords } from '@/features/vetting/components/VettingBits';

export interface ImportOutcome {
  mode: ImportMode;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  created: number;
  updated: number;
  unchanged: number;
  ids: string[];
  elapsedMs: number;
  problems: { row: number; column: string; message: string }[];
}

interface Props {
  /** What one row is, e.g. 保安员 or 记录. */
  noun: string;
  /** The counting word of a row (人, 条, 家); by default 条 for records and 人 otherwise. */
  measure?: string;
  templateUrl: string;
  run(file: { name: string; base64: string }, mode: ImportMode, onProgress: (p: Progress) => void): Promise<ImportOutcome>;
  onCommitted?(result: ImportOutcome): void;
}

/**
 * Import from .xlsx/.csv in two steps: 预览 checks every row on the server and lists every bad row
 * (row, column, reason) without storing anything; 确认导入, for a file without a bad row, stores it in one
 * transaction (the server stores nothing of a file with a bad row, SPEC §8).
 * Progress is real: file reading and upload bytes, then an indeterminate bar while the server checks.
 */
export function ImportPanel({ noun, measure, templateUrl, run, onCommitted }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<GraphQLRequestError | Error | null>(null);
  const busy = progress !== null && progress.phase !== 'done';

  const go = async (mode: ImportMode) => {
    if (!file) return;
    setError(null);
    try {
      setProgress({ phase: 'reading', percent: 0 });
      const base64 = await readAsBase64(file, setProgress);
      const r = await run({ name: file.name, base64 }, mode, setProgress);
      setResult(r);
      if (mode === 'COMMIT') onCommitted?.(r);
    } catch (e) {
      setError(e as Error);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space wrap>
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            setError(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setResult(null);
          }}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>选择文件（.xlsx / .csv）</Button>
        </Upload>
        <Button icon={<DownloadOutlined />} href={templateUrl}>
          下载模板
        </Button>
      </Space>
      <Space wrap>
        <Button onClick={() => go('PREVIEW')} disabled={!file || busy} loading={busy && result === null}>
          预览校验
        </Button>
        <Button
          type="primary"
          onClick={() => go('COMMIT')}
          disabled={!file || busy || !result || result.mode !== 'PREVIEW' || result.validRows === 0 || result.invalidRows > 0}
        >
          确认导入{result?.mode === 'PREVIEW' ? (result.invalidRows > 0 ? '（请先修改问题行）' : `（${result.validRows}行）`) : ''}
        </Button>
      </Space>
      {progress && (
        <div aria-live="polite">
          <Typography.Text type="secondary">{statusWords[progress.phase]}</Typography.Text>
          {progress.percent !== undefined ? (
            <ProgressBar aria-label="导入进度" percent={progress.percent} size="small" />
          ) : (
            <ProgressBar aria-label="导入进度" percent={100} status="active" showInfo={false} size="small" />
          )}
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={
            error instanceof GraphQLRequestError && error.fields?.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {error.fields.map((f, i) => (
                  <li key={i}>{f.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {result && (
        <>
          <Alert
            type={result.invalidRows ? 'warning' : 'success'}
            showIcon
            title={
              result.mode === 'PREVIEW'
                ? `预览：共${result.totalRows}行，无误${result.validRows}行，有问题${result.invalidRows}行；将新增${result.created}${measure ?? (noun === '记录' ? '条' : '人')}、更新${result.updated}、未变化${result.unchanged}。尚未保存。${result.invalidRows ? '有问题的文件一行也不保存：请修改问题行后重新预览。' : ''}`
                : result.invalidRows
                  ? `未导入：文件有${result.invalidRows}行有问题，整个文件一行也未保存；请修改后重新导入`
                  : `已导入：新增${result.created}、更新${result.updated}、未变化${result.unchanged}（服务器用时${(result.elapsedMs / 1000).toFixed(1)}秒）`
            }
          />
          {result.problems.length > 0 && (
            <Table
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={result.problems}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 480 }}
              title={() => <Typography.Text strong>问题行（共{result.invalidRows}行）</Typography.Text>}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 130 },
                { title: '原因', dataIndex: 'message' },
              ]}
            />
          )}
          {result.mode === 'COMMIT' && result.created + result.updated + result.unchanged > 0 && (
            <Descriptions size="small" column={3} items={[
              { label: '新增', children: result.created },
              { label: '更新', children: result.updated },
              { label: '未变化', children: result.unchanged },
            ]} />
          )}
        </>
      )}
    </Space>
  );
}
