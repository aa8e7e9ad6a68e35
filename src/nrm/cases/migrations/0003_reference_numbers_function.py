# On PostgreSQL, reference numbers come from one sequence per prefix (NRM-2012, NRM-AN-2012, …),
# created on first use. The function below, owned by the role that runs the migrations and run
# with its rights (SECURITY DEFINER), creates a missing sequence and draws the numbers, so the
# application's role needs no right to create anything in the schema: only EXECUTE on this
# function, which `nrm db roles` grants (docs/operations.md, ADR 11). Nothing to do on SQLite,
# where a counter row is used.

from django.db import migrations

FUNCTION = 'nrm_reference_numbers'
SIGNATURE = f'{FUNCTION}(text, integer)'


def install(apps, schema_editor):
    if schema_editor.connection.vendor != 'postgresql':
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute('SELECT current_schema()')
        (schema,) = cursor.fetchone()
    # The schema is written into the body: with search_path fixed to pg_catalog (the rule for a
    # SECURITY DEFINER function), every name the function uses is qualified.
    schema_literal = schema.replace("'", "''")
    schema_editor.execute(
        f"""
        CREATE OR REPLACE FUNCTION {schema_editor.quote_name(schema)}.{FUNCTION}(
            prefix text, how_many integer
        ) RETURNS SETOF bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            seq_name text := 'nrm_ref_' || regexp_replace(lower(prefix), '[^a-z0-9]', '_', 'g');
            qualified text := format('%I.%I', '{schema_literal}', seq_name);
        BEGIN
            IF to_regclass(qualified) IS NULL THEN
                BEGIN
                    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %s', qualified);
                EXCEPTION WHEN unique_violation OR duplicate_table THEN
                    NULL;  -- created at the same moment by another submission
                END;
            END IF;
            RETURN QUERY SELECT nextval(qualified::regclass) FROM generate_series(1, how_many);
        END;
        $$
        """,
        params=None,  # the body's % are format()'s, not placeholders
    )
    schema_editor.execute(f'REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC')


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != 'postgresql':
        return
    schema_editor.execute(f'DROP FUNCTION IF EXISTS {SIGNATURE}')


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0002_case_copies_of_referral'),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
