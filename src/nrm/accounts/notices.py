"""Notices to organisations: an in-app notice on the home page of the organisation's people and
an email to those of them whose role reads what the notice is about. Every part of the project
that tells an organisation something (decisions, deadline reminders) sends it here.

Bodies hold NRM references, counts and codes, never personal data; emails are sent when the
transaction that made the notice commits, so a rolled-back change tells nobody.
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction

from nrm.accounts.actors import Actor
from nrm.accounts.capabilities import Capability
from nrm.accounts.models import Notice, NoticeKind, Organisation, User

NOTICES_SHOWN = 200


def notice_readers(*, organisations: Sequence[Organisation], capability: Capability) -> list[str]:
    """Email addresses of the active people of ``organisations`` whose role holds
    ``capability``, sorted, each once."""
    people = User.objects.filter(organisation__in=organisations, is_active=True).exclude(email="")
    return sorted(
        {
            person.email
            for person in people.select_related("role")
            if person.role is not None and capability in person.role.capabilities
        }
    )


def notices_send(
    *,
    organisations: Sequence[Organisation],
    kind: NoticeKind,
    subject: str,
    text: str,
    readers: Capability,
    email: str | None = None,
    reference: str = "",
) -> int:
    """An in-app notice (``text``) to each organisation and an email (``email``, else ``text``)
    to each of their people who hold ``readers``; ``email=""`` sends no email. Returns the
    number of emails, which are sent when the transaction commits. The caller audits."""
    outgoing: list[tuple[str, str, str, list[str]]] = []
    body = text if email is None else email
    for organisation in organisations:
        Notice.objects.create(
            organisation=organisation, kind=kind, reference=reference, subject=subject, body=text
        )
        if body:
            outgoing += [
                (subject, body, settings.DEFAULT_FROM_EMAIL, [to])
                for to in notice_readers(organisations=[organisation], capability=readers)
            ]
    if outgoing:
        transaction.on_commit(lambda: send_mass_mail(outgoing, fail_silently=False))
    return len(outgoing)


def notices_for(*, actor: Actor, unread_only: bool = False) -> list[Notice]:
    """The in-app notices of the actor's organisation, newest first."""
    organisation_id = getattr(actor, "organisation_id", None)
    if organisation_id is None or not getattr(actor, "is_active", False):
        return []
    queryset = Notice.objects.filter(organisation_id=organisation_id)
    if unread_only:
        queryset = queryset.filter(read_at=None)
    return list(queryset[:NOTICES_SHOWN])
