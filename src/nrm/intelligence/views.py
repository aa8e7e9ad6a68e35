"""The intelligence pages: the reports a user may see, one report, recording a report, the
network around an entity (the link chart), and the NRM record of a person linked to
intelligence (for intelligence analysts)."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.accounts.permissions import has_capability
from nrm.cases.referrals.build import referral_as_record
from nrm.cases.referrals.display import summary_rows
from nrm.cases.referrals.views.common import not_found, page_number
from nrm.intelligence.errors import ReportInvalid
from nrm.intelligence.forms import IntelligenceReportForm
from nrm.intelligence.graph import DEFAULT_HOPS, HOPS
from nrm.intelligence.network_pages import HOPS_INVALID, network_context
from nrm.intelligence.pages import entity_rows, link_rows, report_rows
from nrm.intelligence.selectors import (
    linked_referral_get,
    network_get,
    report_get,
    report_page,
)
from nrm.intelligence.services import intelligence_report_submit

JUST_RECORDED = "intelligence_just_recorded"


@capability_required(Capability.READ_INTELLIGENCE)
@require_http_methods(["GET"])
def index(request: AuthenticatedRequest) -> HttpResponse:
    """The reports the user may see, newest first, 50 a page."""
    page_obj, _ = report_page(actor=request.user, page=page_number(request))
    context = {
        "page_obj": page_obj,
        "can_record": has_capability(request.user, Capability.RECORD_INTELLIGENCE),
        "can_assess": has_capability(request.user, Capability.READ_NATIONAL_INTELLIGENCE),
        "can_review": has_capability(request.user, Capability.RESOLVE_PEOPLE),
        "can_review_similar": has_capability(request.user, Capability.REVIEW_SIMILAR_ACCOUNTS),
    }
    return render(request, "intelligence/index.html", context)


@capability_required(Capability.RECORD_INTELLIGENCE)
@require_http_methods(["GET", "POST"])
def report_new(request: AuthenticatedRequest) -> HttpResponse:
    """One page: the report, its grading, the person it is about, a place and a phone. Every
    problem of the page shows at once, in the API's words."""
    if request.method == "POST":
        form = IntelligenceReportForm(request.POST)
        form.is_valid()
        try:
            report = intelligence_report_submit(
                actor=request.user,
                data=form.record(),
                organisation=request.user.organisation,
                door="web",
            )
        except ReportInvalid as invalid:
            for error in invalid.errors:
                name = form.field_for(error.field)
                if name is None or name not in form.errors:
                    form.add_error(name, form.message(error.message))
        else:
            request.session[JUST_RECORDED] = report.reference
            return redirect("intelligence:report", report.reference)
    else:
        form = IntelligenceReportForm()
    return render(request, "intelligence/new.html", {"form": form})


@capability_required(Capability.READ_INTELLIGENCE)
@require_http_methods(["GET"])
def report_detail(request: AuthenticatedRequest, report_reference: str) -> HttpResponse:
    report = report_get(actor=request.user, reference=report_reference)
    if report is None:
        return not_found(request)
    context = {
        "report": report,
        "rows": report_rows(report),
        "entities": entity_rows(report),
        "links": link_rows(report),
        "just_recorded": request.session.pop(JUST_RECORDED, None) == report.reference,
        "can_read_nrm": has_capability(request.user, Capability.READ_LINKED_NRM_RECORDS),
    }
    return render(request, "intelligence/report.html", context)


@capability_required(Capability.READ_INTELLIGENCE)
@require_http_methods(["GET"])
def network(request: AuthenticatedRequest, node: str) -> HttpResponse:
    """The link chart: the people and things within 1, 2 or 3 links of an entity, in every
    report the user may see, drawn and tabled. Other numbers of links are refused in words."""
    asked = request.GET.get("hops", str(DEFAULT_HOPS)).strip()
    hops = int(asked) if asked in {str(h) for h in HOPS} else None
    read = network_get(actor=request.user, node=node, hops=hops or DEFAULT_HOPS)
    if read is None:
        return not_found(request)
    if hops is None:
        context = {
            "centre": {"key": read.centre, "name": read.whole.nodes[read.centre].name},
            "hops_error": HOPS_INVALID,
        }
        return render(request, "intelligence/network.html", context, status=400)
    return render(request, "intelligence/network.html", network_context(read, hops))


@capability_required(Capability.READ_LINKED_NRM_RECORDS)
@require_http_methods(["GET"])
def linked_referral(request: AuthenticatedRequest, reference: str) -> HttpResponse:
    """The NRM record of a person linked to intelligence the analyst may see (the read is
    audited, naming the report that led to it). The victim's account is not shown."""
    referral = linked_referral_get(actor=request.user, reference=reference)
    if referral is None:
        return not_found(request)
    record = referral_as_record(referral, with_account=False)
    sections = [
        {"title": title, "rows": summary_rows(section, record)}
        for section, title in (
            ("about", "The referral"),
            ("person", "The person"),
            ("exploitation", "The exploitation"),
        )
    ]
    context = {
        "referral": referral,
        "sections": sections,
        "can_read_prosecutions": has_capability(request.user, Capability.READ_PROSECUTIONS),
    }
    return render(request, "intelligence/nrm_record.html", context)
