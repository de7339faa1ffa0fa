/** The latest audit entries as a card: when, who, what they did, to what, and how it ended. */
import type { AuditEntry } from '../../../service/contract.js';
import { type AuditNames, auditActor, auditTarget, type TargetWords } from '../audit-target.js';
import { auditActionText, useAuditStrings } from '../i18n-audit.js';
import { useAuthStrings } from '../i18n-auth.js';
import { absoluteTime } from '../relative-time.js';
import { useLocale } from '../use-strings.js';
import { CardTable } from './card-table.js';

export function AuditLog({ entries, names }: { entries: readonly AuditEntry[]; names: AuditNames }) {
  const { t, language } = useLocale();
  const a = useAuthStrings();
  const au = useAuditStrings();
  const words: TargetWords = {
    target: au.target,
    roles: a.roles,
    outcomes: t.resolve.outcome,
    contexts: t.pages.resident.context.kind,
  };
  const s = a.admin;
  return (
    <CardTable
      id="audit-heading"
      heading={s.audit}
      columns={[s.when, s.who, s.action, s.target, s.outcome]}
      tableClass="audit-table"
    >
      {entries.map((e) => (
        <tr key={e.id}>
          <td>{absoluteTime(e.at, language)}</td>
          <td title={e.actorName ?? undefined}>{auditActor(e, names) ?? '—'}</td>
          <td title={e.action}>{auditActionText(au, e.action)}</td>
          <td>{auditTarget(e, names, words) ?? <span class="muted">—</span>}</td>
          <td class={`audit-outcome is-${e.outcome}`}>
            {e.outcome !== 'success' && <span aria-hidden="true">▲ </span>}
            {au.outcomes[e.outcome]}
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
