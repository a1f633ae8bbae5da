import { District, UnitKind } from '@evs/schema';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AppContext } from '../../common/context';
import { UnitType } from '../auth/auth.types';

@Resolver()
export class UnitsResolver {
  @Authorized()
  @Query(() => [UnitType], { description: '单位（参考数据）' })
  units(
    @Ctx() ctx: AppContext,
    @Arg('kind', () => UnitKind, { nullable: true }) kind?: UnitKind,
    @Arg('district', () => District, { nullable: true }) district?: District,
  ) {
    return ctx.services.units.list({ kind, district });
  }
}
