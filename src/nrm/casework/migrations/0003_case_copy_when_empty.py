# The case's copies of its referral's competent authority, nation and exploitation type are
# filled in by the database only when the inserted case row leaves them empty. Writers that know
# the values (every referral door builds the case with its referral, nrm.referrals.build) give
# them, and a bulk import no longer pays a look-up of the referral for every case row. A change
# of the referral's columns still reaches the case through the update trigger of 0002.

from django.db import migrations

COPIED = ("competent_authority", "nation", "exploitation_type")
EMPTY = " OR ".join(f"NEW.{column} = ''" for column in COPIED)
SQLITE_BODY = (
    "BEGIN UPDATE casework_case SET "
    + ", ".join(
        f"{column} = (SELECT r.{column} FROM referrals_referral r WHERE r.id = NEW.referral_id)"
        for column in COPIED
    )
    + " WHERE referral_id = NEW.referral_id; END"
)
SQLITE_HEAD = "CREATE TRIGGER casework_case_copy_referral AFTER INSERT ON casework_case "
POSTGRES_HEAD = "CREATE TRIGGER casework_case_copy_referral BEFORE INSERT ON casework_case "
POSTGRES_TAIL = "FOR EACH ROW EXECUTE FUNCTION casework_case_copy_referral()"

FORWARDS = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS casework_case_copy_referral",
        SQLITE_HEAD + f"WHEN {EMPTY} " + SQLITE_BODY,
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS casework_case_copy_referral ON casework_case",
        POSTGRES_HEAD + f"FOR EACH ROW WHEN ({EMPTY}) "
        "EXECUTE FUNCTION casework_case_copy_referral()",
    ],
}
BACKWARDS = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS casework_case_copy_referral",
        SQLITE_HEAD + SQLITE_BODY,
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS casework_case_copy_referral ON casework_case",
        POSTGRES_HEAD + POSTGRES_TAIL,
    ],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("casework", "0002_queue_columns")]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS))]
