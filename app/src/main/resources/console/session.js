// Who is signed in: the session (team, member, CSRF token) as GET /v1/session returns it.
export const state = { session: null };

export const isOwner = () => state.session !== null && state.session.member.role === 'owner';
