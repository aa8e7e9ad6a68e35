"""The roles already in a database get what newly seeded ones have (nrm.accounts.roles): the
Border Force duty officer, the entry clearance officer and the crew line's call handler read the
border guidance of each port (docs/border.md)."""

from django.db import migrations

ADDED = "read_border_guidance"
ROLES = ("border_force_duty_officer", "entry_clearance_officer", "crew_line_call_handler")


def roles_forward(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for role in Role.objects.filter(code__in=ROLES):
        role.capabilities = sorted(set(role.capabilities) | {ADDED})
        role.save(update_fields=["capabilities"])


def roles_back(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for role in Role.objects.filter(code__in=ROLES):
        role.capabilities = [c for c in role.capabilities if c != ADDED]
        role.save(update_fields=["capabilities"])


class Migration(migrations.Migration):
    dependencies = [("border", "0003_roles_at_the_border")]

    operations = [migrations.RunPython(roles_forward, roles_back)]
