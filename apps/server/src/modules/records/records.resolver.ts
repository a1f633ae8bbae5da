import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { RECORD_REGISTER_KEEPERS } from './records.policy';
import { FileInput, ImportMode, ImportResultType } from './records.types';

@ObjectType('RecordsRegisterStats', { description: '违法犯罪记录库概况' })
class RecordsRegisterStatsType {
  @Field(() => Int, { description: '记录条数' })
  total: number;

  @Field(() => Int, { description: '涉及人数（按身份证号）' })
  people: number;

  @Field(() => Date, { nullable: true, description: '最近一次导入时间' })
  lastImportedAt: Date | null;

  @Field({ description: '当前比对来源：register（内置记录库）或 http（外部服务）' })
  source: string;
}

@Resolver()
export class RecordsResolver {
  @Authorized(...RECORD_REGISTER_KEEPERS)
  @Mutation(() => ImportResultType, {
    description:
      '导入违法犯罪记录（保安管理支队）。列：身份证号、姓名、类别（故意犯罪刑事处罚、收容教育、强制隔离戒毒、劳动教养、行政拘留）、发生日期、来源、严重程度、备注。' +
      '按身份证号比对，姓名仅供参考；同一身份证号、类别、日期、来源视为同一条，重复导入不产生重复。模板：GET /templates/records.xlsx',
  })
  importRecords(
    @Ctx() ctx: AppContext,
    @Arg('file', () => FileInput) file: FileInput,
    @Arg('mode', () => ImportMode) mode: ImportMode,
  ) {
    return ctx.services.records.importRecords(actorOf(ctx), file, mode);
  }

  @Authorized(...RECORD_REGISTER_KEEPERS)
  @Query(() => RecordsRegisterStatsType, { description: '违法犯罪记录库概况（保安管理支队）' })
  async recordsRegisterStats(@Ctx() ctx: AppContext): Promise<RecordsRegisterStatsType> {
    return { ...(await ctx.services.records.stats()), source: ctx.services.recordsSource.name };
  }
}
