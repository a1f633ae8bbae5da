import { Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportMode {
  /** Check every row and report every problem; store nothing. */
  PREVIEW = 'PREVIEW',
  /** Store the good rows in one transaction (bad rows are reported and skipped). */
  COMMIT = 'COMMIT',
}
registerEnumType(ImportMode, {
  name: 'ImportMode',
  description: '导入方式：PREVIEW 仅校验并列出全部问题行、不保存；COMMIT 在一个事务内保存全部行，文件中有任何问题行时一行也不保存（列出全部问题行）',
});

@InputType({ description: '上传的文件（.xlsx 或 .csv），内容为 base64' })
export class FileInput {
  @Field({ description: '文件名，按扩展名识别格式' })
  @Length(1, 255, { message: '文件名应为1至255个字符' })
  name: string;

  @Field({ description: '文件内容的 base64 编码（可带 data: 前缀）' })
  base64: string;
}

@ObjectType('ImportProblem', { description: '导入文件中的一处问题' })
export class ImportProblemType {
  @Field(() => Int, { description: '行号（与 Excel 中看到的一致，表头为第1行）' })
  row: number;

  @Field({ description: '列名（表头）' })
  column: string;

  @Field({ description: '原因' })
  message: string;
}

@ObjectType('ImportResult', { description: '导入结果：预览时列出全部问题行；提交时给出新增、更新、未变化的数量' })
export class ImportResultType {
  @Field(() => ImportMode)
  mode: ImportMode;

  @Field(() => Int, { description: '数据行总数' })
  totalRows: number;

  @Field(() => Int, { description: '无误的行数' })
  validRows: number;

  @Field(() => Int, { description: '有问题的行数' })
  invalidRows: number;

  @Field(() => [ImportProblemType], { description: '每一处问题（行号、列、原因）' })
  problems: ImportProblemType[];

  @Field(() => Int, { description: '新增（预览时为将新增）' })
  created: number;

  @Field(() => Int, { description: '更新（预览时为将更新）' })
  updated: number;

  @Field(() => Int, { description: '与已有数据相同，未变化' })
  unchanged: number;

  @Field(() => [ID], { description: '提交后，无误各行对应的记录 id（保安员导入时为保安员 id，可直接用于上报名单）' })
  ids: string[];

  @Field(() => Int, { description: '服务器处理耗时（毫秒）' })
  elapsedMs: number;
}
