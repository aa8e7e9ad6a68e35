from django.db import migrations

ROLE = "intelligence_analyst"
CAPABILITIES = ("read_account_text", "review_similar_accounts")


def analysts_review_similar_accounts(apps, schema_editor):
    """The intelligence analyst role already in the database reviews similar accounts (and so
    reads the accounts compared), as a newly seeded one does (nrm.accounts.roles)."""
    Role = apps.get_model("accounts", "Role")
    for role in Role.objects.filter(code=ROLE):
        added = [c for c in CAPABILITIES if c not in role.capabilities]
        if added:
            role.capabilities = sorted([*role.capabilities, *added])
            role.save(update_fields=["capabilities"])


def analysts_review_no_similar_accounts(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for role in Role.objects.filter(code=ROLE):
        role.capabilities = [c for c in role.capabilities if c not in CAPABILITIES]
        role.save(update_fields=["capabilities"])


class Migration(migrations.Migration):

    dependencies = [
        ("intelligence", "0005_surveillance"),
    ]

    operations = [
        migrations.RunPython(analysts_review_similar_accounts, analysts_review_no_similar_accounts),
    ]
