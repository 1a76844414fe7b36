/** Goss `user` and `group`, read from /etc/passwd and /etc/group through the target's filesystem. */
import { groupsOf, readAccounts } from '../system/accounts.ts';
import { cached, subject, type Observe } from './types.ts';

export const observeUser: Observe = async (control, target, context) => {
  const { users, groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
  const name = subject(control, 'username');
  const user = users.find((u) => u.name === name);
  if (!user) return { values: { exists: false }, missing: true };
  return {
    values: {
      exists: true,
      uid: user.uid,
      gid: user.gid,
      home: user.home,
      shell: user.shell,
      groups: groupsOf(user, groups),
    },
  };
};

export const observeGroup: Observe = async (control, target, context) => {
  const { groups } = await cached(context, 'accounts', () => readAccounts(target.fs));
  const name = subject(control, 'groupname');
  const group = groups.find((g) => g.name === name);
  if (!group) return { values: { exists: false }, missing: true };
  return { values: { exists: true, gid: group.gid } };
};
