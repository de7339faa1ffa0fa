/** Who is signed in (name and role) and the way out, in the page header. */
import type { User } from '../../../service/contract.js';
import { useAuthStrings } from '../i18n-auth.js';

export function AccountMenu({ user, onSignOut }: { user: User; onSignOut(): void }) {
  const a = useAuthStrings();
  return (
    <div class="account">
      <span class="account-name">{a.signedInAs(user.displayName, a.roles[user.role])}</span>
      <button type="button" class="button quiet" onClick={onSignOut}>
        {a.signOut}
      </button>
    </div>
  );
}
