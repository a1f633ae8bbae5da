import { useState } from 'react';
import { groupByPost } from '@/features/inspections/checklist';
import type { InspectionScreen } from '@/features/inspections/hooks/useInspectionScreen';
import { GuardAvatar } from './GuardAvatar';
import { EmptyNote, Loading } from './plain';

/** The on-duty roster by post (岗位), searchable by name or 保安员证 number; a tap opens the checklist. */
export function OnDutyRoster({ screen }: { screen: InspectionScreen }) {
  const [search, setSearch] = useState('');
  const { guards, officer, inProgress, roster } = screen;
  const q = search.trim().toLowerCase();
  const shown = q ? guards.filter((g) => g.name.toLowerCase().includes(q) || (g.certificateNo ?? '').toLowerCase().includes(q)) : guards;
  // The roster by post, as the company assigned them; people without a post last.
  const byPost = groupByPost(shown);
  return (
    <>
      <label className="onsite-search">
        <input
          type="search"
          placeholder="姓名或保安员证号"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          aria-label="搜索在岗人员"
          enterKeyHint="search"
        />
      </label>
      {officer && inProgress && (
        <button type="button" className="onsite-btn danger" style={{ marginTop: 8 }} onClick={() => screen.openCheck('stranger')}>
          发现未在名单人员上岗
        </button>
      )}
      <div className="onsite-list">
        {roster.loading && !guards.length && <Loading />}
        {!roster.loading && shown.length === 0 && <EmptyNote>{q ? '没有找到该人员，可能不在在岗名单中' : '在岗名单为空'}</EmptyNote>}
        {byPost.map(({ post, people }) => (
          <div key={post ?? ''} className="onsite-post" data-testid="post-group">
            <div className="onsite-post-head">{post ?? '未分配岗位'}<span className="muted">{people.length} 人</span></div>
            {people.map((g) => (
              <button
                key={g.rosterEntryId}
                type="button"
                className="onsite-guard"
                disabled={!officer || !inProgress}
                onClick={() => screen.openCheck(g)}
              >
                {/* named by what it shows (「检查 姓名 岗位 证号」), the photo or initial left out */}
                <span aria-hidden style={{ display: 'contents' }}>
                  <GuardAvatar name={g.name} photo={g.photoUrl} />
                </span>
                <span className="onsite-guard-text">
                  <strong>
                    <span className="sr-only">检查 </span>
                    {g.name}
                  </strong>
                  <span>{g.post ? `${g.post}${g.area ? ` · ${g.area}` : ''}` : '未分配岗位'}</span>
                  <small>证号 {g.certificateNo ?? '—'}</small>
                </span>
                {screen.checked.has(g.guardId) && <span className="onsite-done" role="img" aria-label="已检查">✓</span>}
              </button>
            ))}
          </div>
        ))}
      </div>
    </>
  );
}
