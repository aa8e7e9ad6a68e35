"""The roles already in a database get what newly seeded ones have (nrm.accounts.roles): the
intelligence analyst manages risk profiles; the Border Force duty officer screens passengers,
records the outcome of crew reports and, as the first responder it is, refers people (its own
organisation's drafts and notifications)."""

from django.db import migrations

ADDED = {
    "intelligence_analyst": ["manage_risk_profiles"],
    "border_force_duty_officer": [
        "screen_at_border",
        "record_crew_outcomes",
        "submit_referral",
        "submit_notification",
    ],
}
SCOPE = {"border_force_duty_officer": ("none", "own_organisation")}


def roles_forward(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for code, added in ADDED.items():
        for role in Role.objects.filter(code=code):
            role.capabilities = sorted(set(role.capabilities) | set(added))
            if code in SCOPE and role.scope == SCOPE[code][0]:
                role.scope = SCOPE[code][1]
            role.save(update_fields=["capabilities", "scope"])


def roles_back(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    for code, added in ADDED.items():
        for role in Role.objects.filter(code=code):
            role.capabilities = [c for c in role.capabilities if c not in added]
            if code in SCOPE and role.scope == SCOPE[code][1]:
                role.scope = SCOPE[code][0]
            role.save(update_fields=["capabilities", "scope"])


class Migration(migrations.Migration):
    dependencies = [
        ("border", "0002_crew_line"),
        ("accounts", "0007_organisation_prosecuting_authority"),
    ]

    operations = [migrations.RunPython(roles_forward, roles_back)]
