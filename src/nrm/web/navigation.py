"""The service navigation: each page of the web interface a user's capabilities open to them.

Parts of the project add their pages here (URL name, label, capability needed); a link shows
only when its URL exists and the user holds the capability."""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from nrm.accounts.access import Sees, visibility
from nrm.accounts.capabilities import Capability
from nrm.accounts.permissions import has_capability


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    capability: Capability


ITEMS: list[NavItem] = [
    NavItem("referrals:index", "Referrals", Capability.SUBMIT_REFERRAL),
    NavItem("casework:queue", "Work queue", Capability.VIEW_DEADLINES),
    NavItem("casework:dashboard", "Dashboard", Capability.ALLOCATE_CASE),
    NavItem("support:index", "Support", Capability.RECORD_SUPPORT),
    NavItem("statistics:index", "Statistics", Capability.READ_EXTRACTS),
    NavItem("intelligence:index", "Intelligence", Capability.READ_INTELLIGENCE),
    NavItem("intelligence:surges", "Surges", Capability.MONITOR_SURGES),
    NavItem("justice:overview", "Justice", Capability.READ_PROSECUTIONS),
    NavItem("border_profiles:list", "Risk profiles", Capability.MANAGE_RISK_PROFILES),
    NavItem("crew:queue", "Crew reports", Capability.READ_CREW_REPORTS),
    NavItem("crew:call", "Crew line call", Capability.TAKE_CREW_CALLS),
    NavItem("border_guidance:ports", "Border guidance", Capability.READ_BORDER_GUIDANCE),
    NavItem("accounts:admin-index", "Accounts", Capability.MANAGE_ACCOUNTS),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """Template context: ``nav`` (label, url, current) for the signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": []}
    links = []
    for item in ITEMS:
        if not has_capability(user, item.capability):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        links.append({"label": item.label, "url": url, "current": request.path.startswith(url)})
    return {"nav": links}


# The page of a case, opened by everyone who may read it within their scope: the referring first
# responder, the competent authority's staff and the support provider.
CASE_PAGE = NavItem("casework:case", "Case", Capability.READ_REFERRALS)


def case_url(user: Any, reference: str) -> str | None:
    """The address of the case ``reference`` for ``user``; None when their role opens no case
    page (no capability to read referrals, or a scope that sees no case)."""
    if user is None or not user.is_authenticated:
        return None
    if not has_capability(user, CASE_PAGE.capability) or visibility(user).sees == Sees.NOTHING:
        return None
    try:
        return reverse(CASE_PAGE.url_name, args=[reference])
    except NoReverseMatch:
        return None
