/** The page that shows an audit entry's object: the route pattern (for the access check) and the link. */
export interface AuditObjectRoute {
  pattern: string;
  href: string;
}

const PAGES: Partial<Record<string, (id: string) => AuditObjectRoute>> = {
  Activity: (id) => ({ pattern: '/activities/:id', href: `/activities/${id}` }),
  Company: (id) => ({ pattern: '/companies/:id', href: `/companies/${id}` }),
  Guard: (id) => ({ pattern: '/guards/:id', href: `/guards/${id}` }),
  TrainingSession: (id) => ({ pattern: '/training/sessions/:sessionId/sheet', href: `/training/sessions/${id}/sheet` }),
  SupervisionNotice: () => ({ pattern: '/supervision', href: '/supervision' }),
};

/** Where an audit entry's object can be seen, or null when it has no page of its own. */
export function auditObjectRoute(type: string, id: string | null | undefined): AuditObjectRoute | null {
  const page = PAGES[type];
  return page && id ? page(id) : null;
}
