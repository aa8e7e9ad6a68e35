# Chains the events written before the log was hash-chained, in the order they were stored.

from django.db import migrations

from nrm.audit.chain import GENESIS, entry_hash

CHUNK = 2000


def chain_existing(apps, schema_editor):
    AuditEvent = apps.get_model('audit', 'AuditEvent')
    previous, seq, last_id = GENESIS, 0, 0
    while True:
        events = list(AuditEvent.objects.filter(id__gt=last_id).order_by('id')[:CHUNK])
        if not events:
            return
        for event in events:
            seq += 1
            event.seq, event.previous_hash = seq, previous
            event.entry_hash = entry_hash(
                previous_hash=previous,
                seq=seq,
                at=event.at,
                actor_id=event.actor_id,
                verb=event.verb,
                target_type=event.target_type,
                target_id=event.target_id,
                detail=event.detail,
            )
            previous = event.entry_hash
        AuditEvent.objects.bulk_update(events, ['seq', 'previous_hash', 'entry_hash'])
        last_id = events[-1].id


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0003_chain_fields'),
    ]

    operations = [
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
    ]
