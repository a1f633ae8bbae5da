import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityDetail } from '../activityDetail';
import { InstructionRequestsCard } from './InstructionRequestsCard';
import { SecurityPlanCard } from './SecurityPlanCard';

const POSTS = '入口安检12人\n主舞台周边8人\n停车场6人';

/** The element showing exactly `text` (its line breaks included, not collapsed by the query). */
const shown = (text: string) => screen.getByText((_, el) => el?.textContent === text && el.children.length === 0, { normalizer: (s) => s });

afterEach(cleanup);

describe('free text typed on several lines', () => {
  it('a plan item is shown with its line breaks', () => {
    render(<SecurityPlanCard plan={{ posts: POSTS, emergencyPlan: '一、疏散\n二、救护' } as ActivityDetail['plan']} />);
    const posts = shown(POSTS);
    expect(posts.style.whiteSpace).toBe('pre-wrap');
    expect(shown('一、疏散\n二、救护').style.whiteSpace).toBe('pre-wrap');
    // an item not filled in still says so
    expect(screen.getAllByText('未填写').length).toBeGreaterThan(0);
  });

  it('a request’s assessment and the leader’s 批示 keep their line breaks', () => {
    const request = {
      id: 'R1',
      requestedByName: '保安管理支队',
      requestedAt: '2026-11-01T02:00:00.000Z',
      assessment: { permitTier: 'CITY', scale: '预计每场3000人\n属较大规模', staffing: '需保安员30人', guardsRequired: 30, suggestedGuards: 30, proposedCandidates: 3, opinion: '第一条\n第二条' },
      answeredAt: '2026-11-02T02:00:00.000Z',
      approved: true,
      answer: '同意。\n请按规模推荐不少于3家。',
      answeredByName: '领导',
    } as unknown as ActivityDetail['instructionRequests'][number];
    render(<InstructionRequestsCard requests={[request]} />);
    expect(shown('预计每场3000人\n属较大规模').style.whiteSpace).toBe('pre-wrap');
    expect(shown('第一条\n第二条').style.whiteSpace).toBe('pre-wrap');
    const answer = screen.getByText((_, el) => !!el?.textContent?.startsWith('同意：同意。\n请按规模') && el.children.length === 0, { normalizer: (s) => s });
    expect(answer.style.whiteSpace).toBe('pre-wrap');
  });
});
