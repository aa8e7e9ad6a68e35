# The case's copies of its referral's competent authority, nation and exploitation type are kept
# by the database, whichever door writes (the ORM, COPY, executemany):
# - a case row inserted with any of them empty has them filled in from its referral (writers
#   that know the values give them, so a bulk import pays no look-up per case row);
# - a change of the referral's columns (a reallocation) is copied to its case.

from django.db import migrations

COPIED = ("competent_authority", "nation", "exploitation_type")
EMPTY = " OR ".join(f"NEW.{column} = ''" for column in COPIED)

SQLITE = [
    "CREATE TRIGGER cases_case_copy_referral AFTER INSERT ON cases_case "
    f"WHEN {EMPTY} BEGIN UPDATE cases_case SET "
    + ", ".join(
        f"{column} = (SELECT r.{column} FROM cases_referral r WHERE r.id = NEW.referral_id)"
        for column in COPIED
    )
    + " WHERE referral_id = NEW.referral_id; END",
    "CREATE TRIGGER cases_referral_copy_to_case AFTER UPDATE OF "
    + ", ".join(COPIED)
    + " ON cases_referral BEGIN UPDATE cases_case SET "
    + ", ".join(f"{column} = NEW.{column}" for column in COPIED)
    + " WHERE referral_id = NEW.id; END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS cases_case_copy_referral",
    "DROP TRIGGER IF EXISTS cases_referral_copy_to_case",
]

POSTGRES = [
    "CREATE FUNCTION cases_case_copy_referral() RETURNS trigger AS $$ BEGIN "
    "SELECT " + ", ".join(f"r.{c}" for c in COPIED)
    + " INTO " + ", ".join(f"NEW.{c}" for c in COPIED)
    + " FROM cases_referral r WHERE r.id = NEW.referral_id; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER cases_case_copy_referral BEFORE INSERT ON cases_case "
    f"FOR EACH ROW WHEN ({EMPTY}) EXECUTE FUNCTION cases_case_copy_referral()",
    "CREATE FUNCTION cases_referral_copy_to_case() RETURNS trigger AS $$ BEGIN "
    "UPDATE cases_case SET "
    + ", ".join(f"{c} = NEW.{c}" for c in COPIED)
    + " WHERE referral_id = NEW.id; RETURN NULL; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER cases_referral_copy_to_case AFTER UPDATE OF "
    + ", ".join(COPIED)
    + " ON cases_referral FOR EACH ROW EXECUTE FUNCTION cases_referral_copy_to_case()",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS cases_referral_copy_to_case ON cases_referral",
    "DROP FUNCTION IF EXISTS cases_referral_copy_to_case()",
    "DROP TRIGGER IF EXISTS cases_case_copy_referral ON cases_case",
    "DROP FUNCTION IF EXISTS cases_case_copy_referral()",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
