"""Errors raised by the audit services and messages of the chain check; tests import these."""


class AuditDetailRefused(ValueError):
    """The detail of an audit event holds something an audit entry must never hold."""


# Keys (at any depth of a detail, in any letter case) that would carry the free text of a
# victim's account. The account lives only in ``referrals.VictimAccount.text``.
ACCOUNT_TEXT_KEYS = frozenset(
    {"account", "account_text", "victim_account", "text", "narrative", "statement"}
)

ACCOUNT_TEXT_REFUSED = (
    "Audit details never hold the victim's account: remove the key '{key}' (refused keys: {keys})"
)
DETAIL_KEY_NOT_TEXT = "Audit detail keys must be text; '{key}' is a {kind}"
DETAIL_VALUE_REFUSED = (
    "Audit detail '{key}' is a {kind}; details hold text, whole numbers, booleans, null, "
    "lists and objects"
)
DETAIL_FLOAT_REFUSED = (
    "Audit detail '{key}' is a number that cannot be kept exactly ({value}); record it as text"
)
DETAIL_CLASHES = "Give old and new values as old= and new=, not in detail (key '{key}')"

# The chain check names the first bad entry with one of these.
ENTRY_ALTERED = "altered: its hash does not match its content"
ENTRY_REMOVED = "removed: {missing} missing before it"
MISSING_ONE = "entry seq {first} is"
MISSING_MANY = "entries seq {first} to {last} are"
ENTRY_REORDERED_LINK = (
    "reordered: its previous hash is not the hash of the entry before it (seq {seq})"
)
ENTRY_REORDERED_STORAGE = (
    "reordered: it is stored after the entry that follows it in the chain (seq {seq}, id {id})"
)
ENTRY_FIRST_LINK = "reordered: the first entry's previous hash is not the start of the chain"
ENTRY_REPEATED = "reordered: its seq repeats the entry before it"
ENTRY_NOT_AS_KEPT = "altered: its hash is not the one kept; the chain was rewritten up to here"
ENTRIES_REMOVED_AT_END = (
    "removed: entries seq {first} to {last} are missing after it (the kept copy names seq {last})"
)
KEPT_INVALID = "--expect takes SEQ:HASH as printed by an earlier check, e.g. 1200:9f86d0…"
CHAIN_INTACT = "{count} entries, chain intact"

# ``nrm audit verify`` warns (without failing the check) when the role it connects as could
# change or remove audit entries behind the services' back (``nrm.audit.privileges``).
ALTER_RISK_WARNING = (
    "warning: the database role this check connects as ({role}) can change or remove audit "
    "entries: {risks}. The chain still detects a change up to the last hash you kept, but the "
    "append-only rule holds only against a role that cannot. Run the service (and this check) "
    "as an application role that owns no table: as the owner, `nrm db roles --app-role NAME`, "
    "then put NAME in the service's DATABASE_URL (docs/operations.md)"
)
RISK_SUPERUSER = "it is a superuser"
RISK_OWNER = (
    "it owns the audit table (or acts as its owner, {owner}), so it can switch the "
    "append-only trigger off (ALTER TABLE … DISABLE TRIGGER)"
)
RISK_PRIVILEGES = "it holds {privileges} on the audit table"
TRIGGER_OFF_WARNING = (
    "warning: the audit log's append-only trigger is switched off, so UPDATE and DELETE of "
    "audit entries are not refused: as the owner, run ALTER TABLE audit_auditevent ENABLE "
    "TRIGGER audit_event_append_only"
)
TRIGGER_MISSING_WARNING = (
    "warning: the audit log's append-only trigger is missing, so UPDATE and DELETE of audit "
    "entries are not refused: as the owner, run `nrm migrate` (migration audit.0006 installs it)"
)
