import { graphql } from '@/gql';

export const TimelineQuery = graphql(`
  query ActivityTimeline($activityId: ID!) {
    activityTimeline(activityId: $activityId) {
      activityId
      activityCode
      activityName
      entries {
        at
        kind
        kindLabel
        title
        detail
        actorName
        important
      }
    }
  }
`);
