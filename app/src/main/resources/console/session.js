// Who is signed in: the session (team, member, CSRF token) and the member's record.
export const state = { session: null, me: null };

export const isOwner = () => state.session !== null && state.session.member.role === 'owner';
