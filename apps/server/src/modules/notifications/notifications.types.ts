import { Field, ID, ObjectType } from 'type-graphql';
import { Paginated } from '../../common/pagination';

@ObjectType('Notification', { description: '站内通知' })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => String, { nullable: true })
  link: string | null;

  @Field(() => String, { nullable: true })
  activityId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

@ObjectType()
export class NotificationPage extends Paginated(NotificationType) {}
