# On PostgreSQL, a trigger refuses UPDATE and DELETE of audit rows (docs/audit.md). TRUNCATE is
# left to the database's grants: test frameworks empty tables with it. Nothing to do on SQLite.

from django.db import migrations

FUNCTION = 'audit_event_append_only'
TRIGGER = 'audit_event_append_only'


def _table(apps):
    return apps.get_model('audit', 'AuditEvent')._meta.db_table


def install(apps, schema_editor):
    if schema_editor.connection.vendor != 'postgresql':
        return
    table = schema_editor.quote_name(_table(apps))
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only: % of an audit entry is refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$
        """,
        params=None,  # the body's % are PL/pgSQL's, not placeholders
    )
    schema_editor.execute(
        f'CREATE TRIGGER {TRIGGER} BEFORE UPDATE OR DELETE ON {table} '
        f'FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()'
    )


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != 'postgresql':
        return
    table = schema_editor.quote_name(_table(apps))
    schema_editor.execute(f'DROP TRIGGER IF EXISTS {TRIGGER} ON {table}')
    schema_editor.execute(f'DROP FUNCTION IF EXISTS {FUNCTION}()')


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0005_seq_required'),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
