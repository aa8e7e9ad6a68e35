"""Append-only, hash-chained audit of every read and write of a case (docs/audit.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditVerb(models.TextChoices):
    REFERRAL_SUBMIT = "referral.submit", "Referral submitted"
    REFERRAL_READ = "referral.read", "Referral read"
    REFERRAL_LIST = "referral.list", "Referrals listed"
    REFERRAL_IMPORT = "referral.import", "Referrals imported"
    DRAFT_WRITE = "draft.write", "Referral draft saved or deleted"
    DRAFT_READ = "draft.read", "Referral draft read"
    NOTIFICATION_SUBMIT = "notification.submit", "Anonymous notification submitted"
    NOTIFICATION_READ = "notification.read", "Anonymous notification read"
    NOTIFICATION_LIST = "notification.list", "Anonymous notifications listed"
    TOKEN_CREATE = "token.create", "API token created"
    ACCESS_DENIED = "access.denied", "Access denied"
    CASE_ALLOCATE = "case.allocate", "Case allocated to a competent authority"
    CASE_REALLOCATE = "case.reallocate", "Case reallocated"
    CASE_ASSIGN = "case.assign", "Case assigned to a caseworker"
    CASE_EDIT = "case.edit", "Case edited"
    DECISION_RECORD = "decision.record", "Decision recorded"
    CASE_SUSPEND = "case.suspend", "Case suspended"
    CASE_RESUME = "case.resume", "Case resumed"
    CASE_WITHDRAW = "case.withdraw", "Case withdrawn"
    RECONSIDERATION_REQUEST = "reconsideration.request", "Reconsideration requested"
    DEADLINE_EXTEND = "deadline.extend", "Deadline or recovery period extended"
    REVIEW_RECORD = "review.record", "Day-30 review recorded"
    NOTICE_SEND = "notice.send", "Notice sent"
    REMINDER_SEND = "reminder.send", "Deadline reminders sent"
    BACKLOG_CREATE = "backlog.create", "Backlog defined"
    SUPPORT_REFER = "support.refer", "Referred for support"
    SUPPORT_ACCEPT = "support.accept", "Support referral accepted"
    SUPPORT_DECLINE = "support.decline", "Support referral declined"
    SUPPORT_EPISODE_START = "support.episode_start", "Support episode started"
    SUPPORT_EPISODE_UPDATE = "support.episode_update", "Support episode updated"
    SUPPORT_EPISODE_CLOSE = "support.episode_close", "Support episode closed"
    EXTRACT_CREATE = "extract.create", "Pseudonymised extract created"
    REPORT_CREATE = "report.create", "Statistics report produced"
    STATISTICS_READ = "statistics.read", "Statistics viewed or downloaded"
    LOGIN = "auth.login", "Signed in"
    LOGIN_FAILED = "auth.login_failed", "Sign-in failed"
    LOGOUT = "auth.logout", "Signed out"
    LOCKOUT = "auth.lockout", "Account locked out"
    OTP_DEVICE_CONFIRM = "auth.otp_confirm", "Two-factor device confirmed"
    OTP_DEVICE_RESET = "auth.otp_reset", "Two-factor devices reset"
    SETUP_LINK_ISSUE = "auth.setup_link_issue", "Set-up link issued"
    SETUP_LINK_REFUSE = "auth.setup_link_refuse", "Set-up link refused"
    SESSION_EXPIRE = "auth.session_expire", "Session expired"
    USER_CREATE = "user.create", "User created"
    USER_UPDATE = "user.update", "User updated"
    USER_DISABLE = "user.disable", "User disabled"
    ROLE_CHANGE = "role.change", "Role changed"
    ORGANISATION_CHANGE = "organisation.change", "Organisation created or changed"
    INTELLIGENCE_SUBMIT = "intelligence.submit", "Intelligence report recorded"
    INTELLIGENCE_IMPORT = "intelligence.import", "Intelligence reports imported"
    INTELLIGENCE_READ = "intelligence.read", "Intelligence report read"
    INTELLIGENCE_LIST = "intelligence.list", "Intelligence reports listed"
    INTELLIGENCE_RESOLVE = "intelligence.resolve", "People resolved from their records"
    PAIR_ACCEPT = "intelligence.pair_accept", "Two records accepted as one person"
    PAIR_REJECT = "intelligence.pair_reject", "Two records rejected as one person"
    SURVEILLANCE_RUN = "surveillance.run", "Referral counts checked for surges"
    ALERT_RAISE = "alert.raise", "Surge alert raised"
    ALERT_ACKNOWLEDGE = "alert.acknowledge", "Surge alert acknowledged"
    ALERT_EXPLAIN = "alert.explain", "Surge alert closed as explained"
    ALERT_ESCALATE = "alert.escalate", "Surge alert escalated for investigation"
    PROSECUTION_RECORD = "prosecution.record", "Prosecution recorded"
    PROSECUTION_UPDATE = "prosecution.update", "Prosecution updated"
    PROSECUTION_READ = "prosecution.read", "Prosecution read"
    PROSECUTION_LIST = "prosecution.list", "Prosecutions listed"
    RECOVERY_RECORD = "recovery.record", "Asset recovery recorded"
    RECOVERY_UPDATE = "recovery.update", "Asset recovery updated"
    OCG_DEFENDANT_LINK = "ocg.defendant_link", "Defendant linked to an organised crime group"
    OCG_DEFENDANT_UNLINK = "ocg.defendant_unlink", "Defendant unlinked from a crime group"
    SIMILAR_RUN = "similar.run", "Similar accounts found among every account"
    SIMILAR_CHECK = "similar.check", "New accounts checked against earlier accounts"
    SIMILAR_READ = "similar.read", "Similar accounts viewed"
    SIMILAR_ACCOUNTS_READ = "similar.accounts_read", "Two accounts read side by side"
    SIMILAR_REVIEW = "similar.review", "Cluster of similar accounts marked as reviewed"
    PROFILE_SAVE = "profile.save", "Risk profile saved"
    PROFILE_ACTIVATE = "profile.activate", "Risk profile version made active"
    PROFILE_RETIRE = "profile.retire", "Risk profile retired"
    PROFILE_READ = "profile.read", "Risk profile viewed"
    PROFILE_LIST = "profile.list", "Risk profiles listed"
    SCREENING_RUN = "screening.run", "Records screened against risk profiles"
    HIT_RECORD = "hit.record", "Risk profile hit recorded for review"
    HIT_OUTCOME = "hit.outcome", "Outcome of a risk profile hit recorded"
    CREW_SUBMIT = "crew.submit", "Crew report received"
    CREW_LIST = "crew.list", "Crew reports listed"
    CREW_READ = "crew.read", "Crew report read"
    CREW_OUTCOME = "crew.outcome", "Outcome of a crew report recorded"
    CREW_LINE_SET = "crew.line_set", "Airline or port set up on the crew line"
    GUIDANCE_LIST = "guidance.list", "Ports with border guidance listed"
    GUIDANCE_READ = "guidance.read", "Border guidance for a port read"
    RELEASE_SET = "statistics.release", "Official statistics release announced or made"


class AuditEvent(models.Model):
    """One entry of the audit log. Written only by ``nrm.audit.services``; never changed.

    ``seq`` is the entry's position in the chain (1, 2, 3, … without gaps), ``previous_hash``
    the hash of the entry before it and ``entry_hash`` SHA-256 over both and every recorded
    field (``nrm.audit.chain``).
    """

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    verb = models.CharField(max_length=40, choices=AuditVerb.choices)
    target_type = models.CharField(max_length=60, blank=True, default="")
    target_id = models.CharField(max_length=64, blank=True, default="")
    detail = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return (
            f"{self.seq} {self.at:%Y-%m-%d %H:%M} {self.verb} {self.target_type}:{self.target_id}"
        )
