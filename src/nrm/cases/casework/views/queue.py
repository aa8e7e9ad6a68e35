"""The caseworker's work queue: the queues with their counts, filters, a way to a case by its
NRM reference, deadline tags, pages."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from nrm.accounts.actors import AuthenticatedRequest
from nrm.accounts.capabilities import Capability
from nrm.accounts.decorators import capability_required
from nrm.cases.casework import messages, selectors
from nrm.cases.casework.forms import FindCaseForm, QueueForm
from nrm.cases.casework.selectors import QUEUE_LABEL
from nrm.cases.stages import deadline_tag, stage_tag

# How each queue is ordered, in words (``selectors.work_queue``).
ORDER = {
    selectors.Queue.OPEN: "Soonest deadline first. Cases with no deadline come last.",
    selectors.Queue.SUSPENDED: "Oldest referral first.",
    selectors.Queue.DUE_TODAY: "Soonest deadline first.",
}


def _page_number(request: AuthenticatedRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


@capability_required(Capability.VIEW_DEADLINES)
@require_GET
def queue_view(request: AuthenticatedRequest) -> HttpResponse:
    find = FindCaseForm(request.GET if "reference" in request.GET else None)
    if find.is_bound and find.is_valid():
        reference = find.cleaned_data["reference"]
        if selectors.case_reference_find(actor=request.user, reference=reference):
            return redirect("casework:case", reference=reference)
        find.add_error("reference", messages.CASE_NOT_FOUND.format(reference=reference))
    form = QueueForm(request.GET)
    form.is_valid()
    chosen = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    queue = selectors.Queue(chosen.get("queue") or selectors.Queue.OPEN)
    filters = selectors.QueueFilters(
        assigned_to_me=bool(chosen.get("mine")),
        nation=chosen.get("nation") or "",
        exploitation_type=chosen.get("exploitation_type") or "",
    )
    today = timezone.localdate()
    sizes = selectors.queue_sizes(actor=request.user, today=today, filters=filters)
    page, _ = selectors.work_queue_page(
        actor=request.user,
        queue=queue,
        today=today,
        page=_page_number(request),
        filters=filters,
        count=sizes[queue],
    )
    kept = {
        key: value
        for key, value in (
            ("mine", "on" if filters.assigned_to_me else ""),
            ("nation", filters.nation),
            ("exploitation_type", filters.exploitation_type),
        )
        if value
    }
    tabs = [
        {
            "label": label,
            "count": sizes[q],
            "url": "?" + urlencode({"queue": q.value, **kept}),
            "current": q == queue,
        }
        for q, label in QUEUE_LABEL.items()
    ]
    rows = [
        {
            "reference": case.referral.reference,
            "received_on": case.received_on,
            "stage": stage_tag(case.stage),
            "due_on": case.due_on,
            "tag": deadline_tag(case.due_on, today=today),
            "assigned": (case.assigned_to.get_full_name() or case.assigned_to.get_username())
            if case.assigned_to
            else "",
        }
        for case in page
    ]
    context = {
        "form": find,
        "filter_form": form,
        "queue": queue.value,
        "queue_label": QUEUE_LABEL[queue],
        "order": ORDER.get(queue, ORDER[selectors.Queue.DUE_TODAY]),
        "tabs": tabs,
        "rows": rows,
        "page_obj": page,
        "query_prefix": urlencode({"queue": queue.value, **kept}) + "&",
        "filtered": bool(kept),
    }
    return render(request, "casework/queue.html", context)
