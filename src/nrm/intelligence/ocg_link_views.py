"""Linking the defendants of a prosecution to organised crime groups: the page lists each
defendant's links with a button to remove each, and a form to add one. For analysts who read
prosecutions and intelligence; the groups offered are those the analyst may see."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import CapabilityDenied, capability_require
from nrm.cases.referrals.views.common import not_found
from nrm.intelligence.ocg_link_services import (
    LinkRefused,
    defendant_ocg_link,
    defendant_ocg_unlink,
)
from nrm.intelligence.ocg_selectors import ocg_defendant_links, ocg_list
from nrm.justice.page_selectors import ProsecutionRead, prosecution_get


def _number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 12 else None


def _context(request: AuthenticatedRequest, read: ProsecutionRead) -> dict[str, Any]:
    groups = ocg_list(actor=request.user).groups
    names = {group.key: group.name for group in groups}
    links = ocg_defendant_links(prosecution_id=read.id)
    return {
        "prosecution": read,
        "groups": groups,
        "defendants": [
            {
                "id": d.id,
                "name": d.name,
                "links": [
                    {"id": link.pk, "ocg": link.ocg, "name": names.get(link.ocg),
                     "linked_at": link.linked_at}
                    for link in links
                    if link.defendant_id == d.id
                ],
            }
            for d in read.defendants
        ],
    }  # fmt: skip


@capability_required(Capability.READ_PROSECUTIONS)
@require_http_methods(["GET", "POST"])
def prosecution_ocgs(request: AuthenticatedRequest, prosecution_id: int) -> HttpResponse:
    try:
        capability_require(actor=request.user, capability=Capability.READ_INTELLIGENCE)
    except CapabilityDenied:
        return render(request, "web/forbidden.html", status=403)
    read = prosecution_get(actor=request.user, prosecution_id=prosecution_id)
    if read is None:
        return not_found(request)
    errors: dict[str, str] = {}
    chosen = {"defendant": "", "ocg": ""}
    if request.method == "POST":
        chosen = {
            "defendant": request.POST.get("defendant", ""),
            "ocg": request.POST.get("ocg", "")[:200],
        }
        try:
            defendant_ocg_link(
                actor=request.user,
                prosecution_id=read.id,
                defendant_id=_number(chosen["defendant"]) or 0,
                ocg=chosen["ocg"],
            )
        except LinkRefused as refused:
            errors[refused.field] = refused.message
        else:
            return redirect("intelligence:prosecution-ocgs", prosecution_id=read.id)
    context = {**_context(request, read), "errors": errors, "chosen": chosen}
    status = 400 if errors else 200
    return render(request, "intelligence/prosecution_ocgs.html", context, status=status)


@capability_required(Capability.READ_PROSECUTIONS)
@require_http_methods(["POST"])
def prosecution_ocg_unlink(request: AuthenticatedRequest, prosecution_id: int) -> HttpResponse:
    link_id = _number(request.POST.get("link", ""))
    try:
        defendant_ocg_unlink(
            actor=request.user, prosecution_id=prosecution_id, link_id=link_id or 0
        )
    except CapabilityDenied:
        return render(request, "web/forbidden.html", status=403)
    except LinkRefused:
        return not_found(request)
    return redirect("intelligence:prosecution-ocgs", prosecution_id=prosecution_id)
