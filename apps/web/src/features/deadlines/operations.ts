import { graphql } from '@/gql';

export const WorkQueueQuery = graphql(`
  query WorkQueue($page: PageInput) {
    workQueue(page: $page) {
      total
      items {
        activityId
        activityCode
        activityName
        status
        district
        startsAt
        task
        detail
        dueOn
        daysLeft
        daysUntilStart
        late
        link
      }
    }
  }
`);
