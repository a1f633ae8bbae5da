import { District, DrilldownKind } from '@evs/schema';
import { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { actorOf, AppContext } from '../../common/context';
import { PageInput } from '../../common/pagination';
import { selectedFields } from '../../common/selection';
import { OVERVIEW_ROLES } from './dashboard.policy';
import { DateRangeInput, DrilldownFilter, DrilldownPage, DrilldownRow, Home, Overview } from './dashboard.types';

@Resolver()
export class DashboardResolver {
  @Authorized(...OVERVIEW_ROLES)
  @Query(() => Overview, { description: '领导小组办公室总览：关键数字与图表（县区公安局只看本辖区）' })
  overview(
    @Ctx() ctx: AppContext,
    @Arg('range', () => DateRangeInput) range: DateRangeInput,
    @Info() info: GraphQLResolveInfo,
    @Arg('district', () => District, { nullable: true }) district?: District | null,
  ) {
    return ctx.services.overview.overview(actorOf(ctx), range.from, range.to, district, selectedFields(info));
  }

  @Authorized(...OVERVIEW_ROLES)
  @Query(() => DrilldownPage, { description: '总览中某个数字背后的列表（分页）' })
  overviewDrilldown(
    @Ctx() ctx: AppContext,
    @Arg('kind', () => DrilldownKind) kind: DrilldownKind,
    @Arg('filter', () => DrilldownFilter) filter: DrilldownFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.overview.drilldown(actorOf(ctx), kind, filter, page);
  }

  @Authorized()
  @Query(() => Home, { description: '当前用户的首页：本角色的数字、待办与活动' })
  myHome(@Ctx() ctx: AppContext) {
    return ctx.services.home.home(actorOf(ctx));
  }
}

/** A drill-down row whose cells show a whole ID number (the detachment's copy) is an audited read. */
@Resolver(() => DrilldownRow)
export class DrilldownRowResolver {
  @FieldResolver(() => [String])
  cells(@Root() row: DrilldownRow, @Ctx() ctx: AppContext) {
    if (row.wholeIdOf) ctx.idNumberReads.note('RosterEntry', row.wholeIdOf);
    return row.cells;
  }
}
